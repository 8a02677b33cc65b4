module zero-downtime-charts/cluster/tools

go 1.24

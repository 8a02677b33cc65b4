import { App, Chart } from 'cdk8s';
import { guaranteedResources, Probe, ZeroDowntimeDeployment } from './lib';

const app = new App();
const chart = new Chart(app, 'web', { namespace: 'web' });
new ZeroDowntimeDeployment(chart, 'web', {
  name: 'web',
  image: 'nginx:1.27.3',
  port: 80,
  readinessProbe: Probe.httpGet({ periodSeconds: 5 }),
  resources: guaranteedResources({ cpu: '100m', memory: '64Mi' }),
});
app.synth();

import { Chart } from 'cdk8s';
import { HttpsIngress, WordpressApp, ZeroDowntimeApp } from './lib';

const app = new ZeroDowntimeApp();

// The seed articles' stack (seed 003, with seed 000's rollout fixes), with the defaults of WordpressApp.
new WordpressApp(new Chart(app, 'wordpress'), 'wordpress', {
  ingress: HttpsIngress.traefik({ host: 'wordpress.example.com', certResolver: 'letsencrypt' }),
  changeCause: 'wordpress 6.7.1-apache, mysql 8.4.3',
});

app.synth();

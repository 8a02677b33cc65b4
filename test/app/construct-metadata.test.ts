import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart } from 'cdk8s';
import { ZeroDowntimeApp, ZeroDowntimeDeployment } from '../../lib';
import { baseProps } from '../helpers';

// cdk8s writes construct-metadata.json when the app records construct metadata: by the prop, else when
// cdk8s-cli sets CDK8S_RECORD_CONSTRUCT_METADATA (it does when cdk8s.yaml lists validation plugins).
function synthTo(props: { recordConstructMetadata?: boolean }): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'zdc-metadata-'));
  const app = new ZeroDowntimeApp({ outdir, ...props });
  new ZeroDowntimeDeployment(new Chart(app, 'api'), 'api', baseProps());
  app.synth();
  return path.join(outdir, 'construct-metadata.json');
}

describe('construct metadata', () => {
  const saved = process.env.CDK8S_RECORD_CONSTRUCT_METADATA;
  afterEach(() => {
    if (saved === undefined) delete process.env.CDK8S_RECORD_CONSTRUCT_METADATA;
    else process.env.CDK8S_RECORD_CONSTRUCT_METADATA = saved;
  });

  test('recorded: each object under its reference as well as cdk8s\'s entry by name', () => {
    const resources = JSON.parse(fs.readFileSync(synthTo({ recordConstructMetadata: true }), 'utf8')).resources;
    expect(resources['Deployment default/web']).toEqual({ path: 'api/api/Deployment' });
    expect(resources['Service default/web'].path).not.toBe(resources['Deployment default/web'].path);
    expect(resources.web.path).toMatch(/^api\/api\//);
  });

  test('recorded when cdk8s-cli asks for it through its variable', () => {
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA = 'true';
    expect(fs.existsSync(synthTo({}))).toBe(true);
  });

  test('not recorded, and no file written, when neither the prop nor the variable asks for it', () => {
    delete process.env.CDK8S_RECORD_CONSTRUCT_METADATA;
    expect(fs.existsSync(synthTo({}))).toBe(false);
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA = 'true';
    expect(fs.existsSync(synthTo({ recordConstructMetadata: false }))).toBe(false);
  });
});

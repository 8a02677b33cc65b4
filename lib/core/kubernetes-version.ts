import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { parse } from 'yaml';
import { TARGET_KUBERNETES_VERSION } from '../audit/removed-apis';

/**
 * The one setting for the oldest Kubernetes version the manifests are applied to. Set it once, in
 * cdk8s.yaml, as the `kubernetesVersion` property of the ZeroDowntimeValidation plugin:
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/zero-downtime-charts
 *     class: ZeroDowntimeValidation
 *     properties: { kubernetesVersion: '1.30' }
 * ```
 *
 * ZeroDowntimeApp, the plugin, `zero-downtime-audit` and constructs under `Testing.app()` then all follow
 * it. `KubernetesVersion.set` and the CLI's `--kubernetes-version` override it for one test or one run; a
 * ZeroDowntimeApp's `kubernetesVersion` prop must agree with the plugin's entry when cdk8s.yaml has one.
 */
export class KubernetesVersion {
  /** The version when nothing sets one. */
  public static readonly DEFAULT: string = TARGET_KUBERNETES_VERSION;

  /** The context key that holds an app's version. */
  public static readonly CONTEXT_KEY = 'zero-downtime-charts:kubernetesVersion';

  /** Sets the version for every construct in `scope`'s app (for example a `Testing.app()`). Call it before adding constructs. */
  public static set(scope: IConstruct, version: string): void {
    scope.node.root.node.setContext(KubernetesVersion.CONTEXT_KEY, version);
  }

  /** The version the constructs in `scope`'s app are for: the app's own setting, else cdk8s.yaml's, else DEFAULT. */
  public static of(scope: IConstruct): string {
    return KubernetesVersion.setting(scope) ?? KubernetesVersion.DEFAULT;
  }

  /** The app's own setting, else cdk8s.yaml's; undefined when neither sets one. */
  public static setting(scope: IConstruct): string | undefined {
    // cdk8s.yaml is read once per app, not once per construct: every ZeroDowntimeDeployment asks.
    const own: string | undefined = scope.node.tryGetContext(KubernetesVersion.CONTEXT_KEY);
    if (own !== undefined) return own;
    const root = scope.node.root;
    let read = CDK8S_YAML_OF_APP.get(root);
    if (read === undefined) {
      read = { version: KubernetesVersion.fromCdk8sYaml() };
      CDK8S_YAML_OF_APP.set(root, read);
    }
    return read.version;
  }

  /**
   * The `kubernetesVersion` property of the ZeroDowntimeValidation entry in a cdk8s.yaml file; undefined when
   * the file, the entry or the property is absent.
   * @param file the cdk8s.yaml to read; the working directory's by default, where `cdk8s synth` runs the app
   */
  public static fromCdk8sYaml(file: string = path.resolve('cdk8s.yaml')): string | undefined {
    return pluginEntry(file)?.version;
  }

  private constructor() {}
}

/** What each app's cdk8s.yaml says, read when the app first asks; dropped with the app. */
const CDK8S_YAML_OF_APP = new WeakMap<IConstruct, { readonly version: string | undefined }>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The ZeroDowntimeValidation entry of a cdk8s.yaml, if the file has one: the plugin then checks the
 * written files against its `kubernetesVersion` (DEFAULT when the entry sets none).
 */
export function pluginEntry(file: string = path.resolve('cdk8s.yaml')): { readonly version?: string } | undefined {
  if (!fs.existsSync(file)) return undefined;
  const config: unknown = parse(fs.readFileSync(file, 'utf8'));
  const validations = isRecord(config) && Array.isArray(config.validations) ? config.validations : [];
  let found: { version?: string } | undefined;
  for (const entry of validations) {
    if (!isRecord(entry) || entry.class !== 'ZeroDowntimeValidation') continue;
    const version = isRecord(entry.properties) ? entry.properties.kubernetesVersion : undefined;
    // Unquoted, YAML reads 1.30 as the number 1.3: refused rather than read as a version.
    if (version !== undefined && typeof version !== 'string') {
      throw new Error(`${file}: ZeroDowntimeValidation's kubernetesVersion is ${JSON.stringify(version)}, not a string; quote it: '1.30'`);
    }
    if (typeof version === 'string') return { version };
    found = {};
  }
  return found;
}

// The part of cdk8s-cli's validation plugin API (`cdk8s-cli/plugins`) the audit plugin uses, declared
// here so that the package's types need no cdk8s-cli: the CLI's own ValidationContext fits it, which
// test/plugin pins at compile time.

/** A resource that breaks a rule, as cdk8s-cli's report lists it. */
export interface ValidationPluginViolatingResource {
  /** `metadata.name`, which cdk8s-cli maps to the construct path; `Kind namespace/name` when the name is not unique. */
  readonly resourceName: string;
  /** The fields at fault. */
  readonly locations: readonly string[];
  /** The synthesized file the resource is in. */
  readonly manifestPath: string;
}

/** One rule broken by one or more resources. */
export interface ValidationPluginViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: readonly ValidationPluginViolatingResource[];
}

/** The report a validation plugin fills in. */
export interface ValidationPluginReport {
  /** Adds one broken rule with the resources that break it. */
  addViolation(violation: ValidationPluginViolation): void;
  /** Ends the report with its status (`failure` fails `cdk8s synth`) and metadata for its summary. */
  submit(status: 'success' | 'failure', metadata?: { readonly [key: string]: string }): void;
}

/** What `cdk8s synth` hands a validation plugin. */
export interface ValidationPluginContext {
  /** The synthesized manifest files. */
  readonly manifests: readonly string[];
  readonly report: ValidationPluginReport;
}

import { deepFreeze } from '../../grammar/freeze';
import { Rule } from '../rule';
import { apiValidationRules } from './api-validation';
import { availabilityRules } from './availability';
import { containerRules } from './containers';
import { databaseRules } from './database';
import { gitopsRules } from './gitops';
import { hygieneRules } from './hygiene';
import { jobRules } from './jobs';
import { networkRules } from './network';
import { referenceRules } from './references';
import { rolloutRules } from './rollout';
import { shutdownRules } from './shutdown';

/**
 * Every rule, in report order: graceful shutdown first, then rollouts, availability, containers,
 * references, hygiene, the database, GitOps and the API server's own validation.
 */
export const ALL_RULES: readonly Rule[] = deepFreeze([
  ...shutdownRules, ...rolloutRules, ...availabilityRules, ...containerRules, ...referenceRules, ...hygieneRules,
  ...databaseRules,
  ...gitopsRules,
  ...jobRules,
  ...networkRules,
  ...apiValidationRules,
]);

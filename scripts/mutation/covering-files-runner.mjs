// The Stryker test runner of `npm run mutation`: Stryker's jest runner, with each mutant's jest runs
// narrowed to the test files holding its covering tests (covering-files.cjs says how).
import path from 'node:path';
import { PluginKind, commonTokens, declareFactoryPlugin, tokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as jestPlugins } from '@stryker-mutator/jest-runner';
import coveringFiles from './covering-files.cjs';

function coveringFilesRunnerFactory(injector) {
  const jest = jestPlugins[0].factory(injector);
  return new coveringFiles.CoveringFilesRunner(jest, path.resolve('.stryker-test-files.json'), process.env);
}
coveringFilesRunnerFactory.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'jest-covering-files', coveringFilesRunnerFactory)];

// The public API of each package entry point, as an API report (api/*.api.md) made by API Extractor from the built
// declarations. `npm run api` fails when a report differs from the code, so a change to the public API is a
// deliberate diff: run `npm run api -- --update` and commit the reports. It also fails on an export or member without
// a TSDoc comment, and on `@default` (TSDoc's tag is `@defaultValue`). Needs `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '..');
const update = process.argv.includes('--update');

/** Each entry point of package.json "exports" (purse-react-kit, purse-react-kit-core, purse-react-kit-signup-steps…) → its declarations in dist/types. */
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, string | { types: string }>;
};
const entries: Record<string, string> = Object.fromEntries(
  Object.entries(pkg.exports)
    .filter((entry): entry is [string, { types: string }] => typeof entry[1] === 'object')
    .map(([key, target]) => [key === '.' ? pkg.name : `${pkg.name}-${key.slice(2).replaceAll('/', '-')}`, target.types.replace('./dist/types/', '')]),
);

let failed = false;
for (const [name, declarations] of Object.entries(entries)) {
  const entry = resolve(root, 'dist/types', declarations);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first.`);
  const config = ExtractorConfig.prepare({
    packageJsonFullPath: resolve(root, 'package.json'),
    configObjectFullPath: resolve(root, 'scripts/api-extractor.json'),
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: entry,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            module: 'ESNext',
            moduleResolution: 'Bundler',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            jsx: 'react-jsx',
            strict: true,
            allowImportingTsExtensions: true,
            noEmit: true,
            skipLibCheck: true,
            types: ['node'],
          },
          include: [entry],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: '<projectFolder>/api/',
        reportTempFolder: '<projectFolder>/node_modules/.cache/api-extractor/',
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: {
          default: { logLevel: 'warning', addToApiReportFile: false },
          // Names the report cannot show (a type not exported from the entry) appear in it as notes.
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          'ae-missing-release-tag': { logLevel: 'none' },
          // Every exported name and member has a TSDoc comment: the reports and the editor's hints are the reference.
          'ae-undocumented': { logLevel: 'error', addToApiReportFile: false },
        },
        // `@defaultValue`, not `@default` (not a TSDoc tag: editors would not show it as a default).
        tsdocMessageReporting: { default: { logLevel: 'none' }, 'tsdoc-undefined-tag': { logLevel: 'error' } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  if (result.apiReportChanged && !update) {
    console.error(`✗ ${name}: the public API differs from api/${name}.api.md. If that is intended: npm run api -- --update`);
    failed = true;
  } else if (!result.succeeded) {
    console.error(`✗ ${name}: ${result.errorCount} error(s), ${result.warningCount} warning(s)`);
    failed = true;
  } else {
    console.log(`✓ ${name}${result.apiReportChanged ? ' (report updated)' : ''}`);
  }
}
process.exitCode = failed ? 1 : 0;

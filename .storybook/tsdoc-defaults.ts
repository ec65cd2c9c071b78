// The props tables' "Default" column from the TSDoc. react-docgen-typescript reads only `@default`, while the API
// reports (npm run api) require `@defaultValue`: it keeps that tag in the component's docgen `tags`, read here.
import type { Preview } from '@storybook/react-vite';

type Enhancer = NonNullable<Preview['argTypesEnhancers']>[number];
interface Docgen {
  __docgenInfo?: { props?: Record<string, { tags?: Record<string, string> }> };
}

export const defaultsFromTsdoc: Enhancer = Object.assign(
  ({ argTypes, component }: Parameters<Enhancer>[0]) => {
    const props = (component as Docgen | undefined)?.__docgenInfo?.props ?? {};
    return Object.fromEntries(
      Object.entries(argTypes).map(([name, argType]) => {
        const tsdoc = props[name]?.tags?.defaultValue;
        if (!tsdoc || argType.table?.defaultValue) return [name, argType];
        // Shown as code: the backticks of the TSDoc are markup there.
        return [name, { ...argType, table: { ...argType.table, defaultValue: { summary: tsdoc.replace(/`/g, '') } } }];
      }),
    );
  },
  // After the docs addon's own enhancer, which builds `table` from the docgen.
  { secondPass: true },
);

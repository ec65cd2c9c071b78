// The docs page of each component (autodocs, `parameters.docs.page`): what it is (its TSDoc), how a page uses it, the
// default view live, its props (from the TSDoc of its props), the headless hook beside the default view with its code,
// then the other examples.
import { Canvas, Controls, Description, Heading, Primary, Source, Stories, Title, useOf } from '@storybook/addon-docs/blocks';

/** `parameters.purseDocs` of an overview meta. */
export interface PurseDocsParameters {
  /** A complete, minimal page of a merchant's using the component (a file of stories/usage/, type-checked). */
  usage: string;
  /** The hook and what it returns, in a sentence or two. */
  headless: string;
}

/** The export name of the story that shows the hook beside the default view (tagged '!autodocs': shown once, here). */
export const HEADLESS_STORY = 'Headless';

export function ComponentDocsPage() {
  const { csfFile, preparedMeta } = useOf('meta', ['meta']);
  const docs = preparedMeta.parameters.purseDocs as PurseDocsParameters | undefined;
  if (!docs) throw new Error('A component docs page needs parameters.purseDocs ({ usage, headless }) on its meta.');
  const headless = Object.values(csfFile.stories).find((story) => story.moduleExport === csfFile.moduleExports[HEADLESS_STORY]);
  if (!headless) throw new Error(`A component docs page needs a story exported as ${HEADLESS_STORY}: the hook beside the default view.`);
  // "XcoSignup/Overview" is the page of XcoSignup.
  const component = preparedMeta.title.split('/')[0];
  return (
    <>
      <Title>{component}</Title>
      <Description />
      <Heading>Usage</Heading>
      <Source code={docs.usage} language="tsx" />
      <Primary />
      <Heading>Props</Heading>
      <Controls />
      <Heading>Headless: the hook beside the default view</Heading>
      <p>{docs.headless}</p>
      <Canvas of={headless.moduleExport} sourceState="shown" />
      <Stories title="Examples" includePrimary={false} />
    </>
  );
}

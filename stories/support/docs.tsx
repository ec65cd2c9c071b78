// The docs page of each component (autodocs, `parameters.docs.page`): what it is (its TSDoc), how a page uses it, the
// default view live, its props (from the TSDoc of its props), the headless hook beside the default view, its states.
import { Controls, Description, Heading, Primary, Source, Stories, Title, useOf } from '@storybook/addon-docs/blocks';

/** `parameters.purseDocs` of an overview meta. */
export interface PurseDocsParameters {
  /** A complete, minimal page of a merchant's using the component. */
  usage: string;
  /** The hook and what it returns, in a sentence or two. */
  headless: string;
}

export function ComponentDocsPage() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const docs = preparedMeta.parameters.purseDocs as PurseDocsParameters | undefined;
  if (!docs) throw new Error('A component docs page needs parameters.purseDocs ({ usage, headless }) on its meta.');
  return (
    <>
      <Title />
      <Description />
      <Heading>Usage</Heading>
      <Source code={docs.usage} language="tsx" />
      <Primary />
      <Heading>Props</Heading>
      <Controls />
      <Heading>Headless: the hook beside the default view</Heading>
      <p>{docs.headless}</p>
      <Stories title="Examples" includePrimary={false} />
    </>
  );
}

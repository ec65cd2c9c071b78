// A server component: it renders the provider and the signup directly (both carry "use client" in the package).
// Callbacks such as onComplete are functions, so they need a client component of your own; this page links on instead.
import { PurseProvider, XcoSignup } from 'purse-react-kit';

export default function SignupPage() {
  return (
    <>
      <h1>Create your account</h1>
      <PurseProvider baseUrl="/api/purse">
        <XcoSignup defaultCountry="FR" />
      </PurseProvider>
      <p>
        <a href="/checkout">Continue to checkout</a>
      </p>
    </>
  );
}

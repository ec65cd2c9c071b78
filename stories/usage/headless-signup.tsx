import { useXcoSignup, XcoSignupView, type UseXcoSignupOptions } from 'purse-react-kit/signup';

// One hook, two views: a few lines of your own (the step, a shortcut button) and the default view, which follows every
// step the hook takes.
export function SignupWithShortcut(options: UseXcoSignupOptions & { shortcut: string }) {
  const { shortcut, ...signupOptions } = options;
  const signup = useXcoSignup(signupOptions);
  const { state } = signup;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem' }}>
      <section aria-label="Your own view" style={{ flex: '1 1 12rem' }}>
        <p>
          Step: <strong>{state.status}</strong>
        </p>
        {state.status === 'identify' && (
          <button type="button" onClick={() => void signup.submitIdentifier(shortcut)} style={{ minHeight: 44 }}>
            Link {shortcut}
          </button>
        )}
        {state.status === 'done' && <p>Welcome, {state.user.first_name}.</p>}
      </section>
      <section aria-label="The default view" style={{ flex: '2 1 20rem' }}>
        <XcoSignupView signup={signup} />
      </section>
    </div>
  );
}

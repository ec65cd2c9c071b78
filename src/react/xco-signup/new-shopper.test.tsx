import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { completeProfile } from '../../test/signup-fixtures.ts';
import { CREATE, EXISTS, renderSignup, START, typeAda } from '../../test/render-signup.tsx';

describe('<XcoSignup> new shopper', () => {
  it('checks, asks for the profile, creates the account: exactly 2 requests and one user', async () => {
    const onComplete = vi.fn();
    const { user, purse, apiCalls } = renderSignup({ defaultCountry: 'FR', onComplete });
    const before = purse.control.users().length;

    await user.type(screen.getByLabelText('Email or phone number'), 'new.shopper@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'Create your Purse account' })).toHaveFocus();
    expect(screen.getByLabelText(/^Email address/)).toHaveValue('new.shopper@example.com');
    expect(screen.getByLabelText(/^Country/)).toHaveValue('FRANCE');
    await user.type(screen.getByLabelText(/^First name/), 'Ada');
    await user.type(screen.getByLabelText(/^Last name/), 'Lovelace');
    await user.selectOptions(screen.getByLabelText('Gender'), 'female');
    await user.type(screen.getByLabelText('Date of birth'), '1990-01-15');
    await user.type(screen.getByLabelText(/^Street address/), '1 rue de la Paix');
    await user.type(screen.getByLabelText(/^Postal code/), '75002');
    await user.type(screen.getByLabelText(/^City/), 'Paris');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    expect(await screen.findByRole('heading', { name: 'Your Purse account is ready' })).toHaveFocus();
    expect(apiCalls()).toEqual([EXISTS, CREATE]);
    const users = purse.control.users();
    expect(users).toHaveLength(before + 1);
    const created = {
      email: 'new.shopper@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      gender: 'female',
      birthdate: '1990-01-15',
      addresses: [
        { address_type: 'billing', street_address: '1 rue de la Paix', postal_code: '75002', locality: 'Paris', country: 'FRANCE' },
      ],
    };
    expect(users.at(-1)).toMatchObject({ user: created, customer_references: ['cust_test_1'] });
    expect(onComplete).toHaveBeenCalledOnce();
    expect(onComplete).toHaveBeenCalledWith({ outcome: 'created', user: expect.objectContaining(created) });
  });

  it('validates the profile client-side, with errors linked to the fields and no request', async () => {
    const { user, apiCalls } = renderSignup();
    await user.type(screen.getByLabelText('Email or phone number'), 'someone.new@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await user.type(screen.getByLabelText('Date of birth'), '2999-01-01');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    const firstName = screen.getByLabelText(/^First name/);
    await waitFor(() => expect(firstName).toHaveFocus());
    expect(firstName).toHaveAttribute('aria-invalid', 'true');
    expect(firstName).toHaveAccessibleDescription('This field is required.');
    expect(screen.getByLabelText('Date of birth')).toHaveAccessibleDescription('Enter a valid date of birth.');
    expect(screen.getByText('Please correct the highlighted fields.')).toBeInTheDocument();
    expect(apiCalls()).toEqual([EXISTS]);
  });

  it('shows server field errors (problem+json pointers) on their fields, in the shopper’s words', async () => {
    const { user, purse } = renderSignup({ defaultProfile: { ...completeProfile, last_name: '' } }, { identity: { email: 'someone.new@example.com' } });
    purse.control.setFault({
      method: 'POST',
      path: '/v1/merchants/*',
      status: 400,
      body: {
        title: 'Validation Error',
        status: 400,
        detail: 'The request body contains invalid fields.',
        errors: [{ pointer: '/user/addresses/0/postal_code', detail: 'must match ^[0-9]{5}$' }],
      },
      times: 1,
    });
    await user.type(screen.getByLabelText('Email or phone number'), 'someone.new@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await user.type(screen.getByLabelText(/^Last name/), 'Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    const postal = screen.getByLabelText(/^Postal code/);
    await waitFor(() => expect(postal).toHaveFocus());
    expect(postal).toHaveAttribute('aria-invalid', 'true');
    expect(postal).toHaveAccessibleDescription('This value was not accepted. Please check it.');
    expect(screen.queryByText(/must match/)).not.toBeInTheDocument();
  });

  it('shows a server error on the gender select too', async () => {
    const { user, purse } = renderSignup({ defaultProfile: { ...completeProfile, last_name: '' } }, { identity: { email: 'gender.refused@example.com' } });
    purse.control.setFault({
      method: 'POST',
      path: '/v1/merchants/*',
      status: 400,
      body: { title: 'Validation Error', status: 400, errors: [{ pointer: '/user/gender', detail: 'must be one of male, female, other' }] },
      times: 1,
    });
    await user.type(screen.getByLabelText('Email or phone number'), 'gender.refused@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await user.type(screen.getByLabelText(/^Last name/), 'Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    const gender = screen.getByLabelText('Gender');
    await waitFor(() => expect(gender).toHaveAttribute('aria-invalid', 'true'));
    expect(gender).toHaveAccessibleDescription('This value was not accepted. Please check it.');
  });

  it('skips the profile step when the merchant passes a complete profile', async () => {
    const onComplete = vi.fn();
    const { user, purse, apiCalls } = renderSignup({ defaultProfile: completeProfile, onComplete }, { identity: { email: 'skip.profile@example.com' } });
    await user.type(screen.getByLabelText('Email or phone number'), 'skip.profile@example.com');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByRole('heading', { name: 'Your Purse account is ready' });
    expect(screen.queryByRole('heading', { name: 'Create your Purse account' })).not.toBeInTheDocument();
    expect(apiCalls()).toEqual([EXISTS, CREATE]);
    // The identifier typed by the shopper wins over the profile's email.
    expect(purse.control.users().at(-1)?.user).toMatchObject({ email: 'skip.profile@example.com', first_name: 'Ada' });
    expect(onComplete).toHaveBeenCalledWith({ outcome: 'created', user: expect.objectContaining({ first_name: 'Ada' }) });
  });

  it('an email that is not the shop account’s: back to the field that takes another, focused; the profile typed is kept', async () => {
    const { user, purse, apiCalls } = renderSignup({ defaultCountry: 'FR' }, { identity: { email: 'ada@shop.example' } });
    await user.type(screen.getByLabelText('Email or phone number'), 'ada.perso@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await typeAda(user);
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    // The email was the one field the shopper could not change on the form: the error is on the field that can.
    const field = await screen.findByRole('textbox', { name: 'Email or phone number' });
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Use the email address or phone number of your shop account\./);
    expect(screen.getByRole('status')).toHaveTextContent('Use the email address or phone number of your shop account.');

    await user.clear(field);
    await user.type(field, 'ada@shop.example{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    // Nothing to type again (WCAG 3.3.7): the names and address come back; the email is the new one.
    expect(screen.getByLabelText(/^Email address/)).toHaveValue('ada@shop.example');
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada');
    expect(screen.getByLabelText(/^City/)).toHaveValue('Paris');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    await screen.findByRole('heading', { name: 'Your Purse account is ready' });
    expect(apiCalls()).toEqual([EXISTS, EXISTS, CREATE]);
    expect(purse.control.users().at(-1)).toMatchObject({ user: { email: 'ada@shop.example', first_name: 'Ada' } });
  });

  it('a profile phone that cannot receive a text is refused on its field, naming the country, and nothing is created', async () => {
    const { user, apiCalls } = renderSignup({ defaultCountry: 'FR' }, { identity: { email: 'ada@shop.example', phone_number: '+33611223344' } });
    await user.type(screen.getByLabelText('Email or phone number'), 'ada@shop.example{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await typeAda(user);
    const phone = screen.getByRole('textbox', { name: /^Phone number/ });
    await user.type(phone, '01 23 45 67 89');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(phone).toHaveFocus());
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(/^This number \(France\) is not a mobile number, and Purse sends its codes by text message\./);
    expect(apiCalls()).toEqual([EXISTS]);

    await user.clear(phone);
    await user.type(phone, '06 11 22 33 44');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    await screen.findByRole('heading', { name: 'Your Purse account is ready' });
    expect(apiCalls()).toEqual([EXISTS, CREATE]);
  });

  it('a phone the shop does not vouch for: back to the identifier; the profile comes back without that phone', async () => {
    const { user } = renderSignup({ defaultCountry: 'FR' }, { identity: { email: 'ada@shop.example' } });
    await user.type(screen.getByLabelText('Email or phone number'), '+33 6 11 22 33 44{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await typeAda(user);
    await user.type(screen.getByLabelText(/^Email address/), 'ada@shop.example');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));
    // The shop vouches for no phone: the phone (the identifier, read-only on the form) is refused.
    const field = await screen.findByRole('textbox', { name: 'Email or phone number' });
    await waitFor(() => expect(field).toHaveFocus());
    await user.clear(field);
    await user.type(field, 'ada@shop.example{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    expect(screen.getByLabelText(/^Phone number/)).toHaveValue('');
    expect(screen.getByLabelText(/^Last name/)).toHaveValue('Lovelace');
  });

  it('"Use another email or phone" from the profile form: what was typed there pre-fills the form again', async () => {
    const { user } = renderSignup({ defaultCountry: 'FR' }, { identity: { email: 'ada@shop.example' } });
    await user.type(screen.getByLabelText('Email or phone number'), 'ada.perso@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await user.type(screen.getByLabelText(/^First name/), 'Ada');
    await user.type(screen.getByLabelText(/^Last name/), 'Lovelace');
    await user.type(screen.getByLabelText(/^City/), 'Paris');
    // The shopper notices the wrong email before submitting, and changes it.
    await user.click(screen.getByRole('button', { name: 'Use another email or phone' }));
    const field = await screen.findByRole('textbox', { name: 'Email or phone number' });
    await user.clear(field);
    await user.type(field, 'ada@shop.example{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada');
    expect(screen.getByLabelText(/^Last name/)).toHaveValue('Lovelace');
    expect(screen.getByLabelText(/^City/)).toHaveValue('Paris');
  });

  it('an email with an account in between (code step), then another new email: the profile form is pre-filled again', async () => {
    const { user, apiCalls } = renderSignup({ defaultCountry: 'FR' });
    await user.type(screen.getByLabelText('Email or phone number'), 'ada.perso@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await typeAda(user);
    await user.click(screen.getByRole('button', { name: 'Use another email or phone' }));
    let field = await screen.findByRole('textbox', { name: 'Email or phone number' });
    await user.clear(field);
    await user.type(field, 'existing@example.com{Enter}');
    await screen.findByLabelText('Verification code');
    // Not their account after all: back again, and a third email, new to Purse.
    await user.click(screen.getByRole('button', { name: 'Use another email or phone' }));
    field = await screen.findByRole('textbox', { name: 'Email or phone number' });
    await user.clear(field);
    await user.type(field, 'ada.lovelace@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Ada');
    expect(screen.getByLabelText(/^Last name/)).toHaveValue('Lovelace');
    expect(screen.getByLabelText(/^Street address/)).toHaveValue('1 rue de la Paix');
    expect(screen.getByLabelText(/^Postal code/)).toHaveValue('75002');
    expect(screen.getByLabelText(/^City/)).toHaveValue('Paris');
    expect(apiCalls()).toEqual([EXISTS, EXISTS, START, EXISTS]);
  });

  it('a double click on "Create my account" sends one request', async () => {
    const { user, purse, apiCalls } = renderSignup({ defaultProfile: { ...completeProfile, first_name: '' } }, { identity: { email: 'double.click@example.com' } });
    await user.type(screen.getByLabelText('Email or phone number'), 'double.click@example.com{Enter}');
    await screen.findByRole('heading', { name: 'Create your Purse account' });
    await user.type(screen.getByLabelText(/^First name/), 'Ada');
    // Long enough for both clicks to land while the create is on its way, however slow the machine (50 ms flaked).
    purse.control.setFault({ method: 'POST', path: '/v1/merchants/*', latencyMs: 1_000, times: 1 });
    await user.dblClick(screen.getByRole('button', { name: 'Create my account' }));
    await user.click(screen.getByRole('button', { name: 'Creating your account…' }));

    await screen.findByRole('heading', { name: 'Your Purse account is ready' });
    expect(apiCalls()).toEqual([EXISTS, CREATE]);
  });
});

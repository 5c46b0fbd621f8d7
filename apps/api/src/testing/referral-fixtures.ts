// Helpers for the referral specs: providers, referrals and the action paths that lead to each status.
import type {
  CreateReferralRequest,
  CreateServiceProviderRequest,
  Referral,
  ReferralAction,
  ReferralStatus,
  ServiceProvider,
} from '@mih/contracts';
import type { TestApp } from './test-app';

/** The actions that take a new draft to each status (create and submit by an author, the rest by the admin). */
export const PATH_TO: Record<ReferralStatus, ReferralAction[]> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'return'],
  approved: ['submit', 'approve'],
  rejected: ['submit', 'reject'],
  accepted: ['submit', 'approve', 'accept'],
  declined: ['submit', 'approve', 'decline'],
  completed: ['submit', 'approve', 'accept', 'complete'],
  cancelled: ['cancel'],
};

export async function newProvider(t: TestApp, overrides: Partial<CreateServiceProviderRequest> = {}, token = t.adminToken): Promise<ServiceProvider> {
  const body: CreateServiceProviderRequest = {
    name: 'Procuraduría de la Niñez',
    type: 'child_protection',
    needCategories: ['child_protection', 'legal_aid'],
    countryCodes: ['GT'],
    ...overrides,
  };
  const response = await t.request<ServiceProvider>('POST', '/api/service-providers', { token, body });
  if (response.status !== 201) throw new Error(`newProvider: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function newReferral(
  t: TestApp,
  personId: string,
  serviceProviderId: string,
  overrides: Partial<CreateReferralRequest> = {},
  token = t.adminToken,
): Promise<Referral> {
  const body: CreateReferralRequest = {
    personId,
    serviceProviderId,
    needCategory: 'child_protection',
    urgency: 'routine',
    reason: 'Needs protection',
    consentToShare: true,
    ...overrides,
  };
  const response = await t.request<Referral>('POST', '/api/referrals', { token, body });
  if (response.status !== 201) throw new Error(`newReferral: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function act(t: TestApp, referral: Pick<Referral, 'id' | 'version'>, action: ReferralAction, token = t.adminToken, comment?: string) {
  const body = { version: referral.version, ...(comment === undefined ? {} : { comment }) };
  return t.request<Referral>('POST', `/api/referrals/${referral.id}/${action}`, { token, body });
}

/** A comment for the actions that need one. */
export const commentFor = (action: ReferralAction) => (['return', 'reject', 'decline', 'complete'].includes(action) ? `Why: ${action}` : undefined);

const authors = new WeakMap<TestApp, Promise<string>>();

/**
 * A second admin's token, for writing and submitting referrals that the test's admin then reviews: four
 * eyes means whoever wrote or submitted a referral never approves it.
 */
export function authorToken(t: TestApp): Promise<string> {
  let token = authors.get(t);
  if (!token) {
    token = t.newUser('admin').then((author) => author.token);
    authors.set(t, token);
  }
  return token;
}

/**
 * Takes a new draft along PATH_TO[status]: written and submitted by authorToken(t), every other action
 * by the admin. Answers the referral in that status.
 */
export async function referralIn(t: TestApp, status: ReferralStatus, personId: string, providerId: string, overrides: Partial<CreateReferralRequest> = {}): Promise<Referral> {
  const author = await authorToken(t);
  let referral = await newReferral(t, personId, providerId, overrides, author);
  for (const action of PATH_TO[status]) {
    const token = action === 'submit' ? author : t.adminToken;
    const response = await act(t, referral, action, token, commentFor(action));
    if (response.status !== 200) throw new Error(`referralIn(${status}) at ${action}: ${response.status} ${JSON.stringify(response.body)}`);
    referral = response.body;
  }
  return referral;
}

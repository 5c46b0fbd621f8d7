// One-time links for providers without an account. The token (32 random bytes) is shown once, only its
// SHA-256 is stored; a new link revokes the earlier ones. Each link is for one step and spent once used:
// the slip's link ('answer') shows the minimum and takes one accept or decline; accepting through it
// hands over a link for the outcome, which shows the person's name and phone (when consent allows) and
// takes one complete or decline. A link lives until the end of the referral's due date plus
// PROVIDER_LINK_MARGIN_DAYS. An unknown, revoked, expired or spent token answers the same 404, and every
// use, good or bad, is audited with no actor.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AgeBand,
  ConsentPurpose,
  Language,
  Profile,
  ProviderLink,
  ProviderLinkAction,
  ProviderLinkPurpose,
  ProviderLinkRespondResponse,
  ProviderReferralView,
  REFERRAL_TRANSITIONS,
  ReferralStatus,
  ReferralUrgency,
  Sex,
  ageBandOf,
} from '@mih/contracts';
import { ConflictException, NotFoundException } from '../../common/api-exception';
import type { AppConfig } from '../../config/app-config';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { ProviderLinkRespondDto } from './dto/provider-link.dto';
import { isFinal } from './referral-state-machine';
import { ReferralTransitions } from './referral-transitions.service';
import { ReferralsReadService } from './referrals-read.service';

const LINKABLE_STATUSES: readonly ReferralStatus[] = ['approved', 'accepted'];

/** What each kind of link is for: the referral status it works in, and the answers it takes there. */
const PURPOSES: Record<ProviderLinkPurpose, { status: ReferralStatus; actions: readonly ProviderLinkAction[] }> = {
  answer: { status: 'approved', actions: ['accept', 'decline'] },
  outcome: { status: 'accepted', actions: ['complete', 'decline'] },
};

/** Why a token does not open a referral: for the audit trail only, never for the answer. */
type Refusal = 'unknown_token' | 'revoked' | 'expired' | 'used_up';

interface ValidLink {
  linkId: string;
  referralId: string;
  hubId: string;
  purpose: ProviderLinkPurpose;
  createdBy: string;
}

interface ViewRow {
  id: string;
  status: ReferralStatus;
  need_category: string;
  urgency: ReferralUrgency;
  reason: string;
  due_on: string;
  version: number;
  code: string;
  sex: Sex;
  age_band: AgeBand | null;
  birth_year: number | null;
  date_of_birth: string | null;
  nationality: string;
  profile: Profile;
  consent_given: boolean;
  consent_purposes: ConsentPurpose[];
  given_name: string | null;
  family_name: string | null;
  phone: string | null;
  provider_name: string;
  languages: Language[];
  hub_name: string;
  hub_phone: string | null;
  hub_address: string | null;
  municipality: string;
  country_code: string;
  referred_by: string;
}

interface LinkRow {
  id: string;
  referral_id: string;
  revoked_at: Date | null;
  used_at: Date | null;
  purpose: ProviderLinkPurpose;
  created_by: string;
  status: ReferralStatus;
  hub_id: string;
  expired: boolean;
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * SQL for the end of a link's life: the last second (UTC) of the later of the referral's due date and the
 * day the link was issued, plus the margin (the query parameter `marginDays` names). A due date moved
 * later moves it too.
 */
function validUntil(dueOn: string, issuedOn: string, marginDays: string): string {
  return `((greatest(${dueOn}, ${issuedOn}) + CAST(${marginDays} AS int) + 1)::timestamp AT TIME ZONE 'UTC' - interval '1 second')`;
}

@Injectable()
export class ProviderLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly read: ReferralsReadService,
    private readonly transitions: ReferralTransitions,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /**
   * A new link for an approved (to accept or decline) or accepted (to record the outcome) referral in the
   * caller's scope; earlier links stop working.
   */
  async create(actor: Actor, referralId: string): Promise<ProviderLink> {
    const referral = await this.read.findInScope(actor, referralId);
    return this.dataSource.transaction(async (manager) => {
      // Locked, so two links created at once cannot both stay valid.
      const [current] = await manager.query('SELECT status FROM referrals WHERE id = $1 FOR UPDATE', [referralId]);
      if (!LINKABLE_STATUSES.includes(current.status)) {
        throw new ConflictException(`A provider link needs an approved or accepted referral; this one is ${current.status}`);
      }
      const purpose: ProviderLinkPurpose = current.status === 'approved' ? 'answer' : 'outcome';
      const { link, linkId } = await this.issue(manager, referralId, purpose, actor.id);
      await manager.query(`INSERT INTO referral_events (referral_id, kind, actor_id) VALUES ($1, 'provider_link', $2)`, [referralId, actor.id]);
      const details = { providerLinkId: linkId, purpose, expiresAt: link.expiresAt };
      await this.audit.record({ actor, action: 'create', entityType: 'provider_link', entityId: referralId, hubId: referral.hubId, details }, manager);
      return link;
    });
  }

  /** Revokes the referral's live links and stores a new one (its token's hash); answers the token once. */
  private async issue(manager: EntityManager, referralId: string, purpose: ProviderLinkPurpose, createdBy: string): Promise<{ link: ProviderLink; linkId: string }> {
    const token = randomBytes(32).toString('base64url');
    await manager.query('UPDATE provider_links SET revoked_at = now() WHERE referral_id = $1 AND revoked_at IS NULL', [referralId]);
    const [{ id, expires_at }] = (await manager.query(
      `INSERT INTO provider_links (referral_id, token_hash, expires_at, created_by, purpose)
       SELECT $1, $2, ${validUntil('r.due_on', "(now() AT TIME ZONE 'UTC')::date", '$3')}, $4, $5 FROM referrals r WHERE r.id = $1
       RETURNING id, expires_at`,
      [referralId, hashToken(token), this.marginDays(), createdBy, purpose],
    )) as { id: string; expires_at: Date }[];
    return { link: { token, path: `/provider#${token}`, expiresAt: expires_at.toISOString(), purpose }, linkId: id };
  }

  private marginDays(): number {
    return this.config.get('PROVIDER_LINK_MARGIN_DAYS', { infer: true });
  }

  /** What the provider sees; audited with the identifying fields it showed (names, never values). */
  async view(token: string, ip: string | null): Promise<ProviderReferralView> {
    const link = await this.resolve(token, 'view', ip);
    const view = await this.buildView(link.referralId, link.purpose);
    const shared = [view.person.name && 'name', view.person.phone && 'phone'].filter(Boolean);
    await this.audit.record({
      actor: null,
      ip,
      action: 'read',
      entityType: 'referral',
      entityId: link.referralId,
      hubId: link.hubId,
      details: { viaProviderLink: true, providerLinkId: link.linkId, shared },
    });
    return view;
  }

  /**
   * The provider's answer, through the same state machine as staff's (no actor, viaProviderLink). The
   * link is spent in the same transaction (of answers sent at once, one spends it; the others find it
   * spent: 404); an answer the link is not for is a 409. Accepting hands over the link for the outcome.
   */
  async respond(dto: ProviderLinkRespondDto, ip: string | null): Promise<ProviderLinkRespondResponse> {
    const link = await this.resolve(dto.token, 'respond', ip);
    if (!PURPOSES[link.purpose].actions.includes(dto.action)) {
      throw new ConflictException(`This link is for ${PURPOSES[link.purpose].actions.join(' or ')}, not ${dto.action}`);
    }
    const outcomeLink = await this.dataSource.transaction(async (manager) => {
      const [, spent] = (await manager.query('UPDATE provider_links SET used_at = now() WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL', [link.linkId])) as [
        unknown,
        number,
      ];
      if (spent !== 1) return undefined;
      const [{ version }] = await manager.query('SELECT version FROM referrals WHERE id = $1', [link.referralId]);
      await this.transitions.apply(manager, link.referralId, {
        action: dto.action,
        version,
        comment: dto.comment ?? null,
        actor: null,
        providerLinkId: link.linkId,
        ip,
      });
      if (dto.action !== 'accept') return null;
      // The one who accepted gets the next step's link: the slip's link (and any photo of it) is spent.
      const next = await this.issue(manager, link.referralId, 'outcome', link.createdBy);
      const details = { providerLinkId: next.linkId, purpose: 'outcome', via: link.linkId, expiresAt: next.link.expiresAt };
      await this.audit.record({ actor: null, ip, action: 'create', entityType: 'provider_link', entityId: link.referralId, hubId: link.hubId, details }, manager);
      return next.link;
    });
    if (outcomeLink === undefined) {
      await this.refuse('respond', ip, 'used_up', { id: link.linkId, referral_id: link.referralId, hub_id: link.hubId });
      throw new NotFoundException('Provider link');
    }
    if (outcomeLink === null) return this.buildView(link.referralId, link.purpose);
    return { ...(await this.buildView(link.referralId, 'outcome')), outcomeLink };
  }

  /** The link behind a token, or the one generic 404 (the refusal and its reason are audited). */
  private async resolve(token: string, use: 'view' | 'respond', ip: string | null): Promise<ValidLink> {
    const [row] = (await this.dataSource.query(
      `SELECT l.id, l.referral_id, l.revoked_at, l.used_at, l.purpose, l.created_by, r.status, r.hub_id,
              ${validUntil('r.due_on', "(l.created_at AT TIME ZONE 'UTC')::date", '$2')} <= now() AS expired
       FROM provider_links l JOIN referrals r ON r.id = l.referral_id WHERE l.token_hash = $1`,
      [hashToken(token), this.marginDays()],
    )) as LinkRow[];
    const refusal: Refusal | null = !row
      ? 'unknown_token'
      : row.revoked_at
        ? 'revoked'
        : row.expired
          ? 'expired'
          : row.used_at || isFinal(row.status) || row.status !== PURPOSES[row.purpose].status
            ? 'used_up'
            : null;
    if (refusal) {
      await this.refuse(use, ip, refusal, row);
      throw new NotFoundException('Provider link');
    }
    return { linkId: row.id, referralId: row.referral_id, hubId: row.hub_id, purpose: row.purpose, createdBy: row.created_by };
  }

  /** Audits a token that did not open its referral, with why (never the token). */
  private async refuse(use: 'view' | 'respond', ip: string | null, refusal: Refusal, row: Pick<LinkRow, 'id' | 'referral_id' | 'hub_id'> | undefined): Promise<void> {
    await this.audit.record({
      actor: null,
      ip,
      action: use === 'view' ? 'read' : 'update',
      entityType: 'provider_link',
      entityId: row?.referral_id ?? null,
      hubId: row?.hub_id ?? null,
      details: { use, refused: refusal, providerLinkId: row?.id },
    });
  }

  /**
   * What the referral shares through a link of this purpose: the minimum through the slip's link; name
   * and phone only through the link for the outcome (the provider accepted) and only when the person's
   * consent covers referral.
   */
  private async buildView(referralId: string, purpose: ProviderLinkPurpose): Promise<ProviderReferralView> {
    const [r] = (await this.dataSource.query(
      `SELECT r.id, r.status, r.need_category, r.urgency, r.reason, r.due_on::text AS due_on, r.version,
              p.code, p.sex, p.age_band, p.birth_year, p.date_of_birth::text AS date_of_birth, p.nationality, p.profile,
              p.consent_given, p.consent_purposes, p.given_name, p.family_name, p.phone,
              sp.name AS provider_name, sp.languages,
              h.name AS hub_name, h.phone AS hub_phone, h.address AS hub_address, h.municipality, h.country_code,
              u.display_name AS referred_by
       FROM referrals r
       JOIN persons p ON p.id = r.person_id
       JOIN service_providers sp ON sp.id = r.service_provider_id
       JOIN hubs h ON h.id = r.hub_id
       JOIN users u ON u.id = r.created_by
       WHERE r.id = $1`,
      [referralId],
    )) as ViewRow[];
    const reachable = purpose === 'outcome' && r.consent_given && r.consent_purposes.includes('referral');
    const name = [r.given_name, r.family_name].filter(Boolean).join(' ');
    const usable = r.status === PURPOSES[purpose].status;
    return {
      referralId: r.id,
      purpose,
      status: r.status,
      needCategory: r.need_category,
      urgency: r.urgency,
      reason: r.reason,
      dueOn: r.due_on,
      language: r.languages[0] ?? 'es',
      person: {
        code: r.code,
        sex: r.sex,
        ageBand: ageBandOf({ dateOfBirth: r.date_of_birth, birthYear: r.birth_year, ageBand: r.age_band }, new Date()),
        nationality: r.nationality,
        profile: r.profile,
        name: reachable && name ? name : null,
        phone: reachable ? r.phone : null,
      },
      provider: { name: r.provider_name },
      hub: { name: r.hub_name, phone: r.hub_phone, address: r.hub_address, municipality: r.municipality, countryCode: r.country_code },
      referredBy: r.referred_by,
      allowedActions: usable ? PURPOSES[purpose].actions.filter((action) => REFERRAL_TRANSITIONS[action].from.includes(r.status)) : [],
    };
  }
}

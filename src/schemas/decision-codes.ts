import { z } from 'zod';
import { HALAL_CATEGORIES } from '../domain/reference/halal.ts';
import { INCENTIVES } from '../domain/reference/incentives.ts';
import { LICENCE_CERTIFICATES, OSS_RISK_LEVELS } from '../domain/reference/kbli.ts';

/** Codes of the investor-decision vocabularies, shared by the reference lists and the resources. */
export const KbliCode = z.string().regex(/^\d{5}$/, 'must be a five-digit KBLI 2020 code such as 21011').meta({ id: 'KbliCode', example: '21011' });
export const IncentiveCode = z.enum(INCENTIVES).meta({ id: 'Incentive', description: 'Fiscal incentive (see /v1/incentives)' });
export const OssRiskLevel = z.enum(OSS_RISK_LEVELS).meta({ id: 'OssRiskLevel', description: 'OSS risk level (PP 28/2025); `unknown` where not verified' });
export const CertificateCode = z.enum(LICENCE_CERTIFICATES).meta({ id: 'LicenceCertificate' });
export const HalalCategoryCode = z.enum(HALAL_CATEGORIES).meta({ id: 'HalalCategory', description: 'Product category with its own halal deadline (see /v1/halal-obligations)' });
export const RegencyCode = z
  .string()
  .regex(/^\d{2}\.\d{2}$/, 'must be a Kemendagri regency code such as 35.78')
  .meta({ id: 'RegencyCode', description: 'Kemendagri code of a regency or city (see /v1/regencies)', example: '35.78' });


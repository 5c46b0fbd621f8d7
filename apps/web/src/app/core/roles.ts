// The role lists live in libs/shared/contracts (the API refuses by the same ones).
export { CASE_ROLES, MERGE_ROLES, QUARTER_CLOSE_ROLES, ROSTER_ROLES } from '@mih/contracts';

-- V20: one installation, many partnerships. A platform operator makes partnerships and their first admins; they
-- are kept apart from every partnership's people: their accounts live in a partnership of their own (kind
-- 'platform') that holds no plans, and their role, OPERATOR, is given nowhere else.

ALTER TABLE partnership
    ADD COLUMN kind text NOT NULL DEFAULT 'partnership'
        CONSTRAINT ck_partnership_kind CHECK (kind IN ('partnership', 'platform'));
CREATE UNIQUE INDEX uq_partnership_platform ON partnership (kind) WHERE kind = 'platform';

ALTER TABLE app_user DROP CONSTRAINT ck_app_user_role;
ALTER TABLE app_user ADD CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'LEAD', 'BOARD', 'VIEWER', 'OPERATOR'));

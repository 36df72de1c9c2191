import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A one-time link lets whoever holds it choose the password of the account it was sent for: it
 * must stop working once it no longer speaks for that account (docs/security.md, "One-time
 * links"). A link sent to an address that is no longer the user's went to someone else; a link
 * issued before the password was changed by another way (own account page, a user manager)
 * would undo that change; a link of a user whose access was taken away must not come back to
 * life when the access does. The database revokes every open link of the user on each path that
 * writes the user (the user form, Portier's routes, an import, a command) when:
 * - the e-mail address changes (letter case aside);
 * - the password changes (the link's own use revokes the others too: credential-links.ts);
 * - the status leaves `active`, the role is removed, the admin flag is taken away, the kind changes.
 */
export class LinksEndWithCredentials1732300020400 implements MigrationInterface {
  name = 'LinksEndWithCredentials1732300020400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION portier_user_links_end() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF lower(OLD.email) IS DISTINCT FROM lower(NEW.email)
           OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
           OR (OLD.status = 'active' AND NEW.status <> 'active')
           OR (OLD.role_id IS NOT NULL AND NEW.role_id IS NULL)
           OR (OLD.is_admin AND NOT NEW.is_admin)
           OR OLD.kind <> NEW.kind THEN
          UPDATE credential_link SET revoked_at = now() WHERE user_id = NEW.id AND used_at IS NULL AND revoked_at IS NULL;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER app_user_links_end AFTER UPDATE ON app_user FOR EACH ROW EXECUTE FUNCTION portier_user_links_end();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER app_user_links_end ON app_user; DROP FUNCTION portier_user_links_end;`);
  }
}

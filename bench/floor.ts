/**
 * The floor: the visibility of Deals (private default) for one user, written by hand in SQL from
 * docs/spec/access-model.md, independently of the engine: own records, records of the user's teams,
 * records of users below in the role tree, and records matched by the rules that reach the
 * user (role = R or above R; role in R's subtree or above R; member of T or above a member of T).
 * It assumes the user's profile grants read on Deal, as the sales profile of the bench does.
 */
const reachingRules = `
  my_rules AS (
    SELECT r.* FROM sharing_rule r, me
     WHERE r.module = 'Deal' AND (
       (r.to_kind = 'role' AND EXISTS (SELECT 1 FROM role_closure c WHERE c.ancestor_id = me.role_id AND c.descendant_id = r.to_role_id))
    OR (r.to_kind = 'roleAndSubordinates' AND (
          EXISTS (SELECT 1 FROM role_closure c WHERE c.ancestor_id = me.role_id AND c.descendant_id = r.to_role_id)
       OR EXISTS (SELECT 1 FROM role_closure c WHERE c.ancestor_id = r.to_role_id AND c.descendant_id = me.role_id)))
    OR (r.to_kind = 'team' AND (
          EXISTS (SELECT 1 FROM team_member tm WHERE tm.team_id = r.to_team_id AND tm.user_id = me.id)
       OR EXISTS (SELECT 1 FROM team_member tm JOIN app_user mu ON mu.id = tm.user_id
                    JOIN role_closure c ON c.descendant_id = mu.role_id AND c.depth > 0
                   WHERE tm.team_id = r.to_team_id AND c.ancestor_id = me.role_id)))))`;

const visible = `
  WITH me AS (SELECT id, role_id FROM app_user WHERE id = $1),
  ${reachingRules},
  owners AS (
    SELECT id FROM me
    UNION SELECT u.id FROM app_user u JOIN role_closure c ON c.descendant_id = u.role_id AND c.depth > 0, me WHERE c.ancestor_id = me.role_id
    UNION SELECT u.id FROM my_rules r JOIN app_user u ON r.from_kind = 'role' AND u.role_id = r.from_role_id
    UNION SELECT u.id FROM my_rules r JOIN role_closure c ON r.from_kind = 'roleAndSubordinates' AND c.ancestor_id = r.from_role_id JOIN app_user u ON u.role_id = c.descendant_id
    UNION SELECT tm.user_id FROM my_rules r JOIN team_member tm ON r.from_kind = 'team' AND tm.team_id = r.from_team_id),
  teams AS (
    SELECT team_id FROM team_member WHERE user_id = $1
    UNION SELECT c.descendant_id FROM my_rules r JOIN team_closure c ON r.from_kind = 'team' AND c.ancestor_id = r.from_team_id)`;

export const FLOOR_PAGE = `${visible}
  SELECT x.* FROM deal x
   WHERE x.owner_user_id IN (SELECT id FROM owners) OR x.owner_team_id IN (SELECT team_id FROM teams)
   ORDER BY x.updated_at DESC, x.id DESC LIMIT 20`;

export const FLOOR_COUNT = `${visible}
  SELECT count(*)::int AS n FROM deal x
   WHERE x.owner_user_id IN (SELECT id FROM owners) OR x.owner_team_id IN (SELECT team_id FROM teams)`;

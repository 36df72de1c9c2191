import type { DataSource } from 'typeorm';

/**
 * Four weeks of generated history for the demo organisation, so that the connection statistics
 * have something to show on a fresh start: weekday sign-ins of the active collaborators (a few
 * mistyped passwords among them) and their requests to the modules their profiles open. The
 * user agent says "démo" so that no one takes it for real traffic. Seeded: every start is alike.
 */
export async function generateDemoHistory(ds: DataSource, modules: string[]): Promise<{ signIns: number; activity: number }> {
  return ds.transaction(async (m) => {
    await m.query(`SELECT setseed(0.2024)`);
    const days = `generate_series(current_date - 28, current_date - 1, interval '1 day') AS d`;
    const people = `app_user u WHERE u.status = 'active' AND u.role_id IS NOT NULL AND u.kind = 'internal'`;
    await m.query(
      `INSERT INTO login_event (at, login, user_id, success, reason, ip, user_agent, company)
       SELECT (d + time '07:45' + random() * interval '3 hours') AT TIME ZONE 'Europe/Paris', u.login, u.id, true, NULL,
              '192.168.1.' || (10 + u.id % 80), 'Mozilla/5.0 (démo)', u.company
         FROM ${days} CROSS JOIN ${people} AND extract(isodow FROM d) < 6 AND random() < 0.85
       UNION ALL
       SELECT (d + time '07:40' + random() * interval '9 hours') AT TIME ZONE 'Europe/Paris', u.login, u.id, false, 'invalidCredentials',
              '192.168.1.' || (10 + u.id % 80), 'Mozilla/5.0 (démo)', u.company
         FROM ${days} CROSS JOIN ${people} AND extract(isodow FROM d) < 6 AND random() < 0.04
       ORDER BY 1`,
    );
    const activity = await m.query(
      `INSERT INTO module_activity (day, user_id, module, requests)
       SELECT e.at::date, e.user_id, x.module, 3 + floor(random() * 45)::int
         FROM (SELECT DISTINCT (at AT TIME ZONE 'Europe/Paris')::date AS at, user_id FROM login_event WHERE success AND user_agent = 'Mozilla/5.0 (démo)') e
         JOIN app_user u ON u.id = e.user_id
         CROSS JOIN unnest($1::text[]) AS x(module)
        WHERE random() < 0.45
          AND (u.is_admin OR EXISTS (SELECT 1 FROM role_profile rp JOIN profile p ON p.id = rp.profile_id
                                      WHERE rp.role_id = u.role_id AND (p.view_all OR (p.modules -> x.module ->> 'read')::boolean)))
       ON CONFLICT DO NOTHING
       RETURNING 1`,
      [modules],
    );
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM login_event WHERE user_agent = 'Mozilla/5.0 (démo)'`);
    return { signIns: n, activity: activity.length };
  });
}

// Figure 3 (no target): many laptops at once. Each laptop, an inspector of its own on a laptop of its
// own (ten to a team), edits its rows, pushes, pulls what its team pushed, and goes again at once,
// all of them together; operations per second over the whole run, and the latency of each push and
// each pull call (a push carries one round's operations in one request; a pull reads pages until the
// server says there is no more, usually one). Afterwards every laptop of a team must hold the same state.
import { median, quantile } from '../support.mjs';
import { DuchaCity } from './ducha-city.mjs';
import { count, seconds } from './report.mjs';
import { editOnLaptop, FIELDS_PER_RECORD, unitRecords } from './workload.mjs';

const LAPTOPS_PER_TEAM = 10;

const latencies = (values) =>
  values.length === 0
    ? '—'
    : `p50 ${seconds(median(values))}, p99 ${seconds(quantile(values, 0.99))}, max ${seconds(Math.max(...values))} (${count(values.length)} calls)`;

async function run(kit, backend, settings, say) {
  const teamCount = Math.ceil(settings.laptops / LAPTOPS_PER_TEAM);
  const teams = Array.from({ length: teamCount }, (_, i) => `team-${i + 1}`);
  const city = await DuchaCity.start(kit, backend, { teams, label: 'laptops' });
  try {
    const laptops = [];
    for (let i = 0; i < settings.laptops; i += 1) {
      laptops.push(await city.laptop(teams[i % teamCount], `laptop-${i + 1}`, { pushBatch: 1000 }));
    }
    say(`many laptops, ${backend.name}: ${laptops.length} laptops signed in`);
    const recordsPerRound = Math.ceil(settings.laptopOperations / FIELDS_PER_RECORD);
    const pushes = [];
    const pulls = [];
    let pushed = 0;
    let pulled = 0;

    const work = async (laptop) => {
      // Each laptop keeps to its own rows and edits every field of them again each round.
      const rows = unitRecords(recordsPerRound, laptop.name);
      for (let round = 0; round < settings.laptopRounds; round += 1) {
        for (const row of rows)
          row.fields.name = row.fields.name.replace(/( 第\d+轮)?$/, ` 第${round + 1}轮`);
        editOnLaptop(laptop, rows);
        // (`total += await …` would read the total before the await and lose the others' additions.)
        let started = performance.now();
        const acknowledged = await laptop.push();
        pushes.push(performance.now() - started);
        pushed += acknowledged;
        started = performance.now();
        const received = await laptop.pull();
        pulls.push(performance.now() - started);
        pulled += received;
      }
    };
    const started = performance.now();
    await Promise.all(laptops.map(work));
    const wallMs = performance.now() - started;

    // Not timed: everyone reads what the others pushed last, then a team's laptops must agree.
    for (const laptop of laptops) await laptop.pull();
    for (const team of teams) {
      const members = laptops.filter((l) => l.teamId === team);
      const state = members[0].stateText();
      if (members.some((l) => l.stateText() !== state || l.refused.size > 0 || l.outbox.size > 0)) {
        throw new Error(`many laptops: the laptops of ${team} do not agree after the run`);
      }
    }
    return { wallMs, pushed, pulled, pushes, pulls, teams: teamCount };
  } finally {
    await city.remove();
  }
}

export async function manyLaptops({ kit, backends, settings, say }) {
  console.log('');
  console.log(`3. Many laptops at once (no target: the figures are printed)`);
  console.log(
    `   ${settings.laptops} laptops, ${LAPTOPS_PER_TEAM} to a team, each an inspector of its own; each does ${settings.laptopRounds} ` +
      `rounds of: edit ${settings.laptopOperations} operations (${Math.ceil(settings.laptopOperations / FIELDS_PER_RECORD)} of its ` +
      `unit records × ${FIELDS_PER_RECORD} fields), push (one request), pull (its team's new operations), with no pause; ` +
      `all laptops in this process, the server in its own. One run per database.`,
  );
  for (const backend of backends) {
    say(`many laptops: ${backend.name}`);
    const r = await run(kit, backend, settings, say);
    console.log(
      `   ${backend.name}: ${count(r.pushed)} operations pushed in ${seconds(r.wallMs)} → ${count(r.pushed / (r.wallMs / 1000))} operations/s ` +
        `stored; pulls delivered ${count(r.pulled)} → ${count(r.pulled / (r.wallMs / 1000))} operations/s`,
    );
    console.log(`     push latency: ${latencies(r.pushes)}`);
    console.log(`     pull latency: ${latencies(r.pulls)}`);
  }
}

// Preloaded into an app (node --require) by `BENCH_PROFILE=1 node tools/bench/search.mjs`: while a file named
// profile-on exists in the app's working directory, V8's sampling CPU profiler runs in-process; once it is removed, the
// profile is written there as <pid>.cpuprofile (the format Chrome DevTools opens). A file, not a signal: Nest's
// shutdown hooks take SIGUSR2 (and most other signals) as "stop the app".
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const dir = process.cwd(); // the bench runs each app in its log folder
const session = new inspector.Session();
session.connect();
let profiling = false;

setInterval(() => {
  const on = fs.existsSync(path.join(dir, 'profile-on'));
  if (on && !profiling) {
    profiling = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
    );
  } else if (!on && profiling) {
    profiling = false;
    session.post('Profiler.stop', (error, result) => {
      const file = path.join(dir, `${process.pid}.cpuprofile`);
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(error ? { error: String(error) } : result.profile));
      fs.renameSync(`${file}.tmp`, file);
    });
  }
}, 100).unref();

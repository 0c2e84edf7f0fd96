// Suites with real stores and whole apps share two cores with the other suites in CI: a test may take
// a few seconds there that it takes one alone. A hang still fails, after 30 s. (Jest reads a timeout
// only from the whole run's options; a project sets its own here.)
jest.setTimeout(30_000);

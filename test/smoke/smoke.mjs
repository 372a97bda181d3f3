// Imports the built package by name, as an ESM consumer would, and uses it.
import assert from 'node:assert/strict';
import * as library from 'iop-scheduler';

assert.equal(typeof library.validateProblem, 'function');
assert.equal(typeof library.checkSchedule, 'function');
const invalid = library.validateProblem(42);
assert.equal(invalid.ok, false);
console.log('ESM smoke test passed:', Object.keys(library).sort().join(', '));

// Requires the built package by name, as a CommonJS consumer would, and uses it.
const assert = require('node:assert/strict');
const library = require('iop-scheduler');

assert.equal(typeof library.validateProblem, 'function');
assert.equal(typeof library.checkSchedule, 'function');
assert.equal(library.validateProblem(42).ok, false);
console.log('CJS smoke test passed:', Object.keys(library).sort().join(', '));

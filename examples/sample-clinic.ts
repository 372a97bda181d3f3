// Placeholder until the sample clinic lands.
console.log('iop-scheduler: sample clinic example coming');

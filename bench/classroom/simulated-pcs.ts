/**
 * 30 simulated student PCs in one process (the bench's other side): joins the class given on the
 * command line, says "ready" once all are admitted, then for each stdin line "<pc> <step>" that
 * PC reports the step.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createClassMember } from '../../main/classroom/class-member';

const [port, code, countText] = process.argv.slice(2);
const count = Number(countText);
const members = Array.from({ length: count }, (_, index) =>
  createClassMember({ pcId: randomUUID(), pcName: `PC-${String(index + 1).padStart(2, '0')}` }),
);
// Children join one after another, as in a classroom.
for (const member of members) await member.join({ host: '127.0.0.1', port: Number(port) }, code);
console.log('joined');
const waitAdmitted = async () => {
  while (!members.every((member) => member.state().phase === 'admitted'))
    await new Promise((r) => setTimeout(r, 20));
};
await waitAdmitted();
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [pc, step] = line.split(' ').map(Number);
  members[pc].report({
    nameRef: null,
    lessonId: 'blink',
    step,
    stepCount: 200,
    stepsPassed: 0,
    lastCheck: { passed: step % 2 === 0, tries: step },
    board: { kind: 'virtual', connected: true },
  });
}
for (const member of members) member.leave();

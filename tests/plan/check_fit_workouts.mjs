// Reads hillcoach's FIT workout files with Garmin's own FIT SDK (@garmin/fitsdk, pinned in package.json):
// every file must be FIT with a good CRC, decode without errors, be file type "workout" with one workout
// message whose num_valid_steps matches its workout_step messages, numbered 0, 1, 2, ...; every repeat step
// loops back to an earlier step at least twice; time and distance steps are positive; speed targets are a
// band (low below high). Files of strength sessions hold reps steps.
// usage: node tests/plan/check_fit_workouts.mjs FILE.fit|FOLDER...   (exit 77: the SDK is not installed)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

let sdk;
try {
  sdk = await import("@garmin/fitsdk");
} catch {
  console.log("check_fit_workouts: @garmin/fitsdk is not installed (scripts/install-node-deps)");
  process.exit(process.env.CI === "true" ? 1 : 77);
}
const { Decoder, Stream } = sdk;

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const files = process.argv.slice(2).flatMap((p) =>
  statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith(".fit")).sort().map((f) => join(p, f)) : [p]);
check(files.length > 0, "no files given");
let steps = 0;
let repeats = 0;
let reps = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  const decoder = new Decoder(Stream.fromBuffer(bytes));
  check(decoder.isFIT(), `${file}: not FIT`);
  check(decoder.checkIntegrity(), `${file}: bad CRC or size`);
  const { messages, errors } = decoder.read();
  check(errors.length === 0, `${file}: ${errors.map(String).join("; ")}`);
  const ids = messages.fileIdMesgs ?? [];
  check(ids.length === 1 && ids[0].type === "workout", `${file}: file_id type ${ids[0]?.type}`);
  const workouts = messages.workoutMesgs ?? [];
  check(workouts.length === 1, `${file}: ${workouts.length} workout messages`);
  const list = messages.workoutStepMesgs ?? [];
  check(list.length > 0 && workouts[0]?.numValidSteps === list.length,
        `${file}: num_valid_steps ${workouts[0]?.numValidSteps}, ${list.length} steps`);
  check(typeof workouts[0]?.wktName === "string" && workouts[0].wktName.length > 0, `${file}: no workout name`);
  list.forEach((s, i) => {
    ++steps;
    check(s.messageIndex === i, `${file}: step ${i} has message_index ${s.messageIndex}`);
    if (s.durationType === "repeatUntilStepsCmplt") {
      ++repeats;
      check(s.durationStep < i && s.repeatSteps >= 2, `${file}: step ${i} repeats ${s.durationStep} x${s.repeatSteps}`);
    } else if (s.durationType === "time") {
      check(s.durationTime > 0, `${file}: step ${i} time ${s.durationTime}`);
    } else if (s.durationType === "distance") {
      check(s.durationDistance > 0, `${file}: step ${i} distance ${s.durationDistance}`);
    } else if (s.durationType === "reps") {
      ++reps;
      check(s.durationReps > 0, `${file}: step ${i} reps ${s.durationReps}`);
    } else {
      check(s.durationType === "open", `${file}: step ${i} duration type ${s.durationType}`);
    }
    if (s.targetType === "speed" && s.customTargetSpeedLow !== undefined) {
      check(s.customTargetSpeedLow < s.customTargetSpeedHigh,
            `${file}: step ${i} speed ${s.customTargetSpeedLow}..${s.customTargetSpeedHigh}`);
    }
  });
}
if (failures.length > 0) {
  console.log(failures.join("\n"));
  process.exit(1);
}
console.log(`check_fit_workouts: ${files.length} files, ${steps} steps (${repeats} repeats, ${reps} reps steps) read by @garmin/fitsdk`);

/** Servo pulse range: 0°, 90° and 180° give 600, 1500 and 2400 µs. */
export const SERVO_PULSE_RANGE: [number, number] = [600, 2400];

/** Angle → pulse width in the servo's range, as johnny-five maps it (whole µs). */
export const servoMicros = (angle: number): number => {
  const [low, high] = SERVO_PULSE_RANGE;
  const degrees = Math.min(180, Math.max(0, angle));
  return Math.trunc(low + (degrees * (high - low)) / 180);
};

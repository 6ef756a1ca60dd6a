// One number shared by the calibration (engine/calibrate.ts), the summary and the sweep: a lane
// that answered less than this share of the rate it was asked for did not keep it.
export const KEPT_UP_SHARE = 0.9;

/** The most releases one "plan the next N" of a release train creates. */
export const MAX_TRAIN_BATCH = 26;

package io.rapport.sample;

/** Where a record starts: the part file's name and its 1-based physical line. */
record Position(String file, long line) {
}

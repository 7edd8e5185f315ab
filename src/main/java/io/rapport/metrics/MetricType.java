package io.rapport.metrics;

/** The value type of a metric column; the warehouse maps it to a Parquet type. */
public enum MetricType { LONG, DOUBLE, BOOLEAN }

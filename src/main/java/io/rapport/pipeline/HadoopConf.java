package io.rapport.pipeline;

import org.apache.hadoop.conf.Configuration;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The driver's Hadoop configuration carried to executors, so filesystem settings given to the job
 * (spark.hadoop.*, s3a credentials providers, ...) apply where files are actually opened.
 */
final class HadoopConf implements Serializable {
    private final Map<String, String> entries = new HashMap<>();
    private transient Configuration conf;

    HadoopConf(Configuration driverConf) {
        driverConf.forEach(e -> entries.put(e.getKey(), e.getValue()));
    }

    Configuration get() {
        if (conf == null) {
            Configuration c = new Configuration(false);
            entries.forEach(c::set);
            conf = c;
        }
        return conf;
    }
}

package io.rapport.warehouse;

import scala.jdk.javaapi.CollectionConverters;

import java.util.List;
import java.util.Map;

/** Java collections in the shapes Spark's Row encoder expects for array and map columns. */
public final class SparkValues {

    private SparkValues() {
    }

    public static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }

    public static <K, V> scala.collection.Map<K, V> map(Map<K, V> map) {
        return CollectionConverters.asScala(map);
    }
}

package dev.eshop.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the Spring test context of the annotated class a namespace of Kafka topic names and consumer groups of its own (spring.kafka.bootstrap-servers, eshop.kafka.topic-prefix),
 * on the engine shared by the whole test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithKafka {
}

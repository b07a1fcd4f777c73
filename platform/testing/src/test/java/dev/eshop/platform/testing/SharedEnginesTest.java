package dev.eshop.platform.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import software.amazon.awssdk.core.sync.RequestBody;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class SharedEnginesTest {

    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    @Configuration
    static class NoBeans {
    }

    abstract static class EveryEngine {

        @Autowired
        Environment environment;

        @Test
        void startsEachEngineOnceAndGivesTheClassItsOwnDatabaseTopicsAndBucket() throws Exception {
            String url = environment.getRequiredProperty("spring.datasource.url");
            String prefix = environment.getRequiredProperty("eshop.kafka.topic-prefix");
            String bucket = environment.getRequiredProperty("eshop.s3.bucket");

            assertThat(HANDED_OUT.add(url)).as("database %s is new", url).isTrue();
            assertThat(HANDED_OUT.add(prefix)).as("topic prefix %s is new", prefix).isTrue();
            assertThat(HANDED_OUT.add(bucket)).as("bucket %s is new", bucket).isTrue();

            try (Connection connection = DriverManager.getConnection(url,
                    environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE marker (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO marker VALUES (1)");
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM marker")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
            }

            String topic = prefix + "product-created";
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    environment.getRequiredProperty("spring.kafka.bootstrap-servers")))) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                // The broker learns of a new topic from the controller a moment after it is created.
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (!admin.listTopics().names().get().contains(topic) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertThat(admin.listTopics().names().get()).contains(topic);
            }

            S3Engine.get().client().putObject(b -> b.bucket(bucket).key("hello.txt"), RequestBody.fromString("hello"));
            assertThat(S3Engine.get().client().listObjectsV2(b -> b.bucket(bucket)).contents())
                    .extracting(o -> o.key()).containsExactly("hello.txt");

            int redisDatabase = environment.getRequiredProperty("spring.data.redis.database", Integer.class);
            assertThat(redisDatabase).isBetween(1, 15);

            assertThat(PostgresEngine.starts() + MariaDbEngine.starts()).isBetween(1, 2);
            assertThat(KafkaEngine.starts()).isEqualTo(1);
            assertThat(RedisEngine.starts()).isEqualTo(1);
            assertThat(S3Engine.starts()).isEqualTo(1);
        }
    }

    @Nested
    @SpringJUnitConfig(NoBeans.class)
    @WithPostgres
    @WithRedis
    @WithKafka
    @WithS3
    class FirstClass extends EveryEngine {
    }

    @Nested
    @SpringJUnitConfig(NoBeans.class)
    @WithPostgres
    @WithRedis
    @WithKafka
    @WithS3
    class SecondClass extends EveryEngine {

        @Test
        void postgresStartedOnceForBothClasses() {
            assertThat(PostgresEngine.starts()).isEqualTo(1);
        }
    }

    @Nested
    @SpringJUnitConfig(NoBeans.class)
    @WithMariaDb
    @WithRedis
    @WithKafka
    @WithS3
    class OnMariaDb extends EveryEngine {

        @Test
        void mariaDbStartedOnce() {
            assertThat(MariaDbEngine.starts()).isEqualTo(1);
        }
    }
}

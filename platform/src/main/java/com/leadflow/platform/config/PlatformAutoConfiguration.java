package com.leadflow.platform.config;

import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.platform.consumer.PollFetch;
import com.leadflow.platform.consumer.PollLinger;
import com.leadflow.platform.consumer.PollListeners;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.correlation.CorrelationLogging;
import com.leadflow.platform.correlation.CorrelationWebFilter;
import com.leadflow.platform.db.RelayDatabase;
import com.leadflow.platform.db.TableMaintenance;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.platform.outbox.OutboxBacklog;
import com.leadflow.platform.outbox.OutboxProperties;
import com.leadflow.platform.outbox.OutboxRelay;
import com.leadflow.platform.outbox.OutboxRelaySignal;
import com.leadflow.platform.tracing.Tracing;
import com.leadflow.platform.tracing.TracingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import java.time.Clock;
import java.time.Duration;

/** The outbox, its relay, consumers that apply a poll per transaction, and request correlation, for every service. */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class,
        TracingAutoConfiguration.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ReactiveTransactionManager connectionFactoryTransactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    public TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    public OutboxRelaySignal outboxRelaySignal() {
        return new OutboxRelaySignal();
    }

    @Bean
    public Outbox outbox(DatabaseClient db, ConsumerDatabase consumerDatabase, OutboxRelaySignal signal) {
        return new Outbox(db, consumerDatabase, signal);
    }

    /**
     * The JDBC pool of the service's blocking database work: its poll handlers' transactions and its
     * worker threads. {@code leadflow.consumer.connections} (3 by default: each listener thread holds
     * one while it applies a poll; the pool opens them as needed and keeps one) keeps the local stack's
     * services, each with its R2DBC and relay pools beside it, under PostgreSQL's 100 connections.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ConsumerDatabase consumerDatabase(Environment environment,
            @Value("${leadflow.consumer.connections:3}") int connections) {
        return ConsumerDatabase.of(environment, "consumers", connections);
    }

    /** Statements of the service's blocking work, on the {@link ConsumerDatabase}; they join its thread's transaction. */
    @Bean
    @ConditionalOnMissingBean
    public JdbcClient consumerJdbcClient(ConsumerDatabase consumerDatabase) {
        return consumerDatabase.jdbc();
    }

    /** The relay's JDBC pool: one connection for its batches, one for its housekeeping. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RelayDatabase relayDatabase(Environment environment) {
        return RelayDatabase.of(environment, "outbox-relay", 2);
    }

    /**
     * Vacuum and analyze of the service's tables where the PostgreSQL server's autovacuum is off;
     * {@code leadflow.database.maintenance-interval} (15 s; 0 for never). Not on H2.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${spring.flyway.url:}'.startsWith('jdbc:postgresql:') "
            + "and '${leadflow.database.maintenance-interval:15s}' != '0'")
    public TableMaintenance tableMaintenance(RelayDatabase database,
            @Value("${leadflow.database.maintenance-interval:15s}") Duration interval) {
        return new TableMaintenance(database.dataSource(), interval);
    }

    @Bean
    @ConditionalOnProperty(name = "leadflow.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    public OutboxRelay outboxRelay(RelayDatabase database, KafkaTemplate<String, Object> kafka,
            OutboxRelaySignal signal, OutboxProperties properties, ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name:}") String applicationName, Tracing tracing) {
        return new OutboxRelay(database.dataSource(), kafka, signal, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                applicationName.isBlank() ? null : applicationName, tracing);
    }

    @Bean
    @ConditionalOnMissingBean
    public OutboxBacklog outboxBacklog(DatabaseClient db, ObjectProvider<MeterRegistry> meters,
            @Value("${leadflow.outbox.backlog-interval:15s}") Duration interval) {
        return new OutboxBacklog(db, meters.getIfAvailable(SimpleMeterRegistry::new),
                interval, Clock.systemUTC());
    }

    @Bean
    public IdempotentConsumer idempotentConsumer(ConsumerDatabase consumerDatabase) {
        return new IdempotentConsumer(consumerDatabase);
    }

    /** A listener for every {@link PollHandler} bean of the service. */
    @Bean
    public PollListeners pollListeners(ObjectProvider<PollHandler<?>> handlers, IdempotentConsumer idempotent,
            ObjectProvider<MeterRegistry> meters, Environment environment, Tracing tracing) {
        // leadflow.consumer.linger (off by default) and leadflow.consumer.linger-from: see PollLinger
        PollLinger linger = new PollLinger(environment.getProperty("leadflow.consumer.linger", Duration.class, Duration.ZERO),
                environment.getProperty("leadflow.consumer.linger-from", Integer.class, 2));
        // leadflow.consumer.fetch-min-bytes and leadflow.consumer.fetch-max-wait (off by default): see PollFetch
        PollFetch fetch = new PollFetch(environment.getProperty("leadflow.consumer.fetch-min-bytes", Integer.class, 1),
                environment.getProperty("leadflow.consumer.fetch-max-wait", Duration.class));
        return new PollListeners(handlers, idempotent,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                environment.getRequiredProperty("spring.application.name"), tracing, linger, fetch);
    }

    @Bean
    public AuditLog auditLog(DatabaseClient db, ConsumerDatabase consumerDatabase) {
        return new AuditLog(db, consumerDatabase.jdbc());
    }

    @Bean
    public CorrelationWebFilter correlationWebFilter(Tracing tracing) {
        CorrelationLogging.register();
        return new CorrelationWebFilter(tracing);
    }
}

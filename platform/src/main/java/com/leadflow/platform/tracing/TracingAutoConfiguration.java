package com.leadflow.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The service's {@link Tracing}. With an OTLP endpoint ({@code leadflow.tracing.otlp-endpoint}) or a
 * {@link SpanExporter} bean (a test's in-memory one), spans are sampled ({@code sampling-probability},
 * all by default) and sent in batches; without either, tracing is {@link Tracing#off()}: no exporter,
 * no processor, and spans that only carry ids.
 */
@AutoConfiguration
@EnableConfigurationProperties(TracingProperties.class)
public class TracingAutoConfiguration {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    @Bean
    @ConditionalOnMissingBean
    public Tracing tracing(TracingProperties properties, ObjectProvider<SpanExporter> exporterBeans,
            @Value("${spring.application.name:leadflow}") String service) {
        List<SpanExporter> exporters = new ArrayList<>(exporterBeans.orderedStream().toList());
        if (properties.exporting()) {
            exporters.add(OtlpHttpSpanExporter.builder().setEndpoint(properties.tracesUrl()).build());
        }
        if (exporters.isEmpty()) {
            return Tracing.off();
        }
        SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, service))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(properties.samplingProbability())));
        for (SpanExporter exporter : exporters) {
            provider.addSpanProcessor(BatchSpanProcessor.builder(exporter)
                    .setScheduleDelay(properties.exportDelay()).build());
        }
        return new Tracing(provider.build(), true);
    }
}

package com.leadflow.intake.imaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The directory store unless another {@link ImagingStore} (an S3 adapter, say) is configured. */
@Configuration(proxyBeanMethods = false)
class ImagingConfiguration {

    @Bean
    @ConditionalOnMissingBean(ImagingStore.class)
    ImagingStore directoryImagingStore(ImagingProperties properties) {
        return new DirectoryImagingStore(properties.directory());
    }
}

package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.settings.ConfigurationRecords;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.inject.BeanDefinitionReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A settings record the catalogue misses would be a setting the README tables are never checked for. */
class ConfigurationRecordsTest {

    @Test
    void everySettingsRecordOfEveryModuleIsCatalogued() {
        List<BeanDefinitionReference> references = new ArrayList<>();
        SoftServiceLoader.load(BeanDefinitionReference.class).collectAll(references);

        List<Class<?>> records = references.stream()
                .filter(reference -> reference.getBeanDefinitionName().startsWith("com.cloudpbx."))
                .filter(reference -> reference.getAnnotationMetadata().hasDeclaredAnnotation(ConfigurationProperties.class))
                .<Class<?>>map(BeanDefinitionReference::getBeanType)
                .toList();

        assertThat(records).isNotEmpty().containsExactlyInAnyOrderElementsOf(ConfigurationRecords.ALL);
    }
}

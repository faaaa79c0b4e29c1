package com.cloudpbx.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The shape of the code base: dependencies point inward, adapters meet only in core's ports. */
@AnalyzeClasses(packages = "com.cloudpbx", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "com.cloudpbx.core..";
    private static final String HTTP = "com.cloudpbx.http..";
    private static final String STORAGE = "com.cloudpbx.storage..";
    private static final String FREESWITCH = "com.cloudpbx.freeswitch..";
    private static final String APP = "com.cloudpbx.app..";

    @ArchTest
    static final ArchRule core_uses_only_the_jdk_and_pure_libraries = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", CORE, "com.google.i18n.phonenumbers..")
            .because("core is plain Java: no framework, JDBC, Netty, Redis or AWS");

    @ArchTest
    static final ArchRule core_does_not_know_the_adapters = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, STORAGE, FREESWITCH, APP);

    @ArchTest
    static final ArchRule core_contexts_depend_on_each_other_without_cycles = slices()
            .matching("com.cloudpbx.core.(*)..")
            .should().beFreeOfCycles()
            .because("a context can then be understood, tested and changed from the ones it uses upward");

    @ArchTest
    static final ArchRule http_adapter_does_not_import_other_adapters = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(STORAGE, FREESWITCH, APP);

    @ArchTest
    static final ArchRule storage_adapter_does_not_import_other_adapters = noClasses()
            .that().resideInAPackage(STORAGE)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, FREESWITCH, APP);

    @ArchTest
    static final ArchRule freeswitch_adapter_does_not_import_other_adapters = noClasses()
            .that().resideInAPackage(FREESWITCH)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP, STORAGE, APP)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule controllers_reach_ports_only_through_use_cases = classes()
            .that().resideInAPackage(HTTP)
            .should(useNoCorePortExceptByImplementingIt())
            .because("a controller goes through a core use case, which enforces tenant scoping");

    @ArchTest
    static final ArchRule ports_are_implemented_only_in_adapters = classes()
            .that().implement(corePort())
            .should().resideInAnyPackage(HTTP, STORAGE, FREESWITCH)
            .because("each port has its adapters; core and app only use them");

    @ArchTest
    static final ArchRule the_client_address_has_one_source = noClasses()
            .should().dependOnClassesThat()
            .haveFullyQualifiedName("io.micronaut.http.server.util.HttpClientAddressResolver")
            .because("Micronaut's resolver believes forwarding headers from anyone; ClientAddresses reads them"
                    + " only from the proxies in VOIP_TRUSTED_PROXIES");

    /** A port is an interface core owns and adapters implement; sealed interfaces are closed value types. */
    private static DescribedPredicate<JavaClass> corePort() {
        return DescribedPredicate.describe("a core port",
                c -> c.isInterface() && c.getPackageName().startsWith("com.cloudpbx.core")
                        && !c.reflect().isSealed());
    }

    private static ArchCondition<JavaClass> useNoCorePortExceptByImplementingIt() {
        return new ArchCondition<>("use no core port except by implementing it") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    boolean port = corePort().test(target);
                    boolean implemented = item.getAllRawInterfaces().contains(target);
                    if (port && !implemented) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                }
            }
        };
    }
}

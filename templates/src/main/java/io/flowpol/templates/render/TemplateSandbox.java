package io.flowpol.templates.render;

import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The security settings of flowpol's FreeMarker {@link Configuration} (issue 12 item 1): a
 * {@code --templates} directory may come from a repository a bot checks out, in a process that
 * holds {@code GITHUB_TOKEN} and AWS credentials, so a template lays out the views it is given
 * and can do nothing else. FreeMarker's defaults let {@code "freemarker.template.utility.Execute"?new()}
 * run a command (FreeMarker manual, "Security for template authors"); here
 * <ul>
 *   <li>{@code ?new} resolves no class at all ({@link TemplateClassResolver#ALLOWS_NOTHING_RESOLVER});</li>
 *   <li>{@code ?api} is disabled;</li>
 *   <li>the object wrapper exposes members of flowpol's own view classes only, and of those only
 *       what FreeMarker's {@link DefaultMemberAccessPolicy} allows, less {@code getClass()}: no way to
 *       a {@code Class} and its static methods; no static models are in the data model.</li>
 * </ul>
 */
final class TemplateSandbox {
    /** Views and their nested records live here; nothing else is reachable as a Java object. */
    private static final String VIEW_PACKAGE = "io.flowpol.templates.";

    private TemplateSandbox() {
    }

    static void apply(Configuration config, Version version) {
        config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        config.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(version);
        wrapper.setMemberAccessPolicy(new ViewsOnly(DefaultMemberAccessPolicy.getInstance(version)));
        wrapper.setExposeFields(false);
        config.setObjectWrapper(wrapper.build());
    }

    /**
     * FreeMarker's default policy allows {@code getClass()} (and so {@code x.class}); a view has no
     * reason to hand out its {@code Class}, the way to static members.
     */
    private record NoGetClass(ClassMemberAccessPolicy policy) implements ClassMemberAccessPolicy {
        @Override
        public boolean isMethodExposed(Method method) {
            return !method.getName().equals("getClass") && policy.isMethodExposed(method);
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
            return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
            return policy.isFieldExposed(field);
        }
    }

    /** FreeMarker's default policy, less {@code getClass()}, for view classes; no member of any other class. */
    private record ViewsOnly(MemberAccessPolicy views) implements MemberAccessPolicy {
        private static final ClassMemberAccessPolicy NOTHING = new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                return false;
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return false;
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return false;
            }
        };

        @Override
        public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
            return contextClass.getName().startsWith(VIEW_PACKAGE) ? new NoGetClass(views.forClass(contextClass)) : NOTHING;
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return views.isToStringAlwaysExposed();
        }
    }
}

package jp.kyodo.platform.objectstore;

import java.util.Collection;
import java.util.Set;

/**
 * Tells the orphan sweep which object keys a service's records still refer to. Every table that holds object keys
 * has one implementation (a CDI bean); an object none of them claims is an orphan once its grace period has passed.
 */
public interface ObjectReferences {

    /** The keys among {@code candidates} that a record refers to. */
    Set<String> referenced(Collection<String> candidates);
}

package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.Change;
import java.util.List;

/**
 * What a client sent for a paging group, unchecked. On update an absent field
 * ({@link Change#absent()}) is left as it is, and members, when sent, replace the whole list.
 */
public record PagingGroupRequest(Change<String> name, Change<String> description, Change<String> extensionCode,
                                 Change<List<String>> members) {
}

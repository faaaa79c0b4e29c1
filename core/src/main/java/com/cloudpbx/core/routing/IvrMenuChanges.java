package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.IvrMenuDraft.OptionDraft;
import com.cloudpbx.core.shared.Change;
import java.util.List;

/** A partial update of an IVR menu: absent fields stay; options, when present, replace the list. */
public record IvrMenuChanges(Change<String> name, Change<String> greeting, Change<Integer> timeoutSeconds,
                             Change<Integer> maxRetries, Change<List<OptionDraft>> options,
                             Change<String> timeoutAction, Change<String> timeoutTarget) {
}

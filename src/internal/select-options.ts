import { noChange } from 'lit';
import { Directive, directive, type ChildPart } from 'lit/directive.js';

/** A `<select>`'s choices: `[value, label]` pairs, labels as plain text. */
export type OptionList = ReadonlyArray<readonly [code: string, label: string]>;

/**
 * The `<option>`s of a list, made with `createElement` rather than a template instance each: a form's selects hold
 * dozens of options, and theirs were 87 of the 182 template instances of apply's whole form. Options are kept and
 * updated in place as the list changes (an open list is not rebuilt under the customer's finger), and at each
 * update the one whose value is `value` is selected (as `live()` does: the DOM follows the state).
 */
class SelectOptions extends Directive {
  private readonly options: HTMLOptionElement[] = [];
  /** What each option shows, as last set: an unchanged option is not written to (no DOM read either). */
  private shown: OptionList = [];

  render(_list: OptionList, _value: string, _languageNames?: boolean): unknown {
    return noChange;
  }

  override update(part: ChildPart, [list, value, languageNames]: Parameters<this['render']>): unknown {
    list.forEach(([code, label], index) => {
      let option = this.options[index];
      if (!option) {
        option = this.options[index] = document.createElement('option');
        part.parentNode.insertBefore(option, part.endNode);
      }
      const [shownCode, shownLabel] = this.shown[index] ?? [];
      if (code !== shownCode) {
        option.value = code;
        // A language's name is written in that language (WCAG 3.1.2).
        if (languageNames) option.lang = code;
      }
      if (label !== shownLabel) option.text = label;
      // Selecting an option makes the select update its selection: only when it changes.
      if (option.selected !== (code === value)) option.selected = code === value;
    });
    for (const extra of this.options.splice(list.length)) extra.remove();
    this.shown = list;
    return noChange;
  }
}

/**
 * The options of `list`, inside a `<select>` (a child part), the one whose value is `value` selected. With
 * `languageNames` each option's `lang` is its value: a list of languages, each named in itself.
 */
export const selectOptions = directive(SelectOptions);

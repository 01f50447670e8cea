import { msg } from '@lit/localize';
import type { OptionList } from '../../internal/select-options.js';

/*
 * Built-in option lists for the two `/apply` fields that `form_values` (POST /merchants/login) does not carry:
 * `occupation_id` and `housing_type`. The seed documents one example of each (`occupation_id: "FE"` with
 * `occupation_title: "Baker"`, `housing_type: "Rent"`) and no list, so these are our documented defaults:
 *
 * | `occupation_id` | en-CA | fr-CA |
 * |---|---|---|
 * | `FE` | Employed full time | Emploi à temps plein |
 * | `PE` | Employed part time | Emploi à temps partiel |
 * | `SE` | Self-employed | Travail autonome |
 * | `RE` | Retired | À la retraite |
 * | `ST` | Student | Aux études |
 * | `HM` | Homemaker | Au foyer |
 * | `UN` | Not employed | Sans emploi |
 * | `OT` | Other | Autre |
 *
 * | `housing_type` | en-CA | fr-CA |
 * |---|---|---|
 * | `Rent` | Rent | Locataire |
 * | `Own` | Own | Propriétaire |
 * | `Parents` | Live with family | Hébergement par la famille |
 * | `Other` | Other | Autre |
 *
 * A merchant whose Flexiti account uses other codes passes them in `formValues` as `occupation_id` (or
 * `occupation`) and `housing_type` (or `housing`) maps shaped like the others: `{ options: { CODE: "Label" } }`.
 * The lists are functions so their labels are translated when rendered, never when this module loads.
 */

export function defaultOccupations(): OptionList {
  return [
    ['FE', msg('Employed full time', { id: 'apply.occupation.FE' })],
    ['PE', msg('Employed part time', { id: 'apply.occupation.PE' })],
    ['SE', msg('Self-employed', { id: 'apply.occupation.SE' })],
    ['RE', msg('Retired', { id: 'apply.occupation.RE' })],
    ['ST', msg('Student', { id: 'apply.occupation.ST' })],
    ['HM', msg('Homemaker', { id: 'apply.occupation.HM' })],
    ['UN', msg('Not employed', { id: 'apply.occupation.UN' })],
    ['OT', msg('Other', { id: 'apply.occupation.OT' })],
  ];
}

export function defaultHousingTypes(): OptionList {
  return [
    ['Rent', msg('Rent', { id: 'apply.housing.Rent' })],
    ['Own', msg('Own', { id: 'apply.housing.Own' })],
    ['Parents', msg('Live with family', { id: 'apply.housing.Parents' })],
    ['Other', msg('Other', { id: 'apply.housing.Other' })],
  ];
}

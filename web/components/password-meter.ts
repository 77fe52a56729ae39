import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { strengthWith, type PasswordStrength } from '../../common/password-rules.ts';

let checker: ZxcvbnFactory | undefined;

/**
 * The strength meter's checker: the common-password list only (about 230 KB compressed, loaded
 * when a password field is first typed in), not the English and Spanish word lists the server adds
 * (about 1.2 MB). The meter is advice; the server's answer, with every list, is the rule.
 */
export function meterStrength(password: string, userInputs: string[]): PasswordStrength {
  checker ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  return strengthWith(checker, password, userInputs);
}

// Reading a question for the answer card (src/lib/answer.ts), on a small synthetic index.
import { describe, expect, it } from 'vitest';
import { answerParts, canMeet, readQuestion, type AnswerIndex, type ProviderAnswer } from '../../src/lib/answer.ts';

const index: AnswerIndex = {
  words: {
    imap: ['imap'], pop3: ['pop', 'pop3'], smtp: ['smtp'], incoming: ['收件', 'incoming'], outgoing: ['发件', 'outgoing'],
    host: ['服务器', 'server'], port: ['端口', 'port'], security: ['ssl'], password: ['授权码', 'password', 'app password'], access: ['开启'],
  },
  apps: [['outlook', ['outlook']], ['ios', ['ios', 'iphone', 'apple mail']]],
  ports: {},
  answers: {},
  providers: [
    ['one.example', ['one mail', 'one邮箱', 'one', 'one.example', 'one.other'], 1],
    ['two.example', ['two mail', 'apple', 'two.other'], 2],
    ['three.example', ['outlook', 'three'], 3],
    ['four.example', ['one', 'four'], 4],
    ['five.co.example', ['five'], 1000],
    ['five.example', ['five'], 1000],
  ],
};
const ask = (q: string) => readQuestion(q, index);

describe('reading a question', () => {
  it('finds the provider by name, short name or domain, in keywords or a sentence, in either language', () => {
    expect(ask('one mail smtp port')).toMatchObject({ providers: ['one.example'], wants: ['smtp', 'port'] });
    expect(ask('ONE 邮箱的smtp服务器是什么')).toMatchObject({ providers: ['one.example'], wants: ['smtp', 'host'] });
    expect(ask('what is the smtp port for two mail')).toMatchObject({ providers: ['two.example'], wants: ['smtp', 'port'] });
    expect(ask('one.other 收件服务器').providers).toEqual(['one.example']);
  });
  it('a name several providers have: the most used first, then the one whose main domain is the name, then the others', () => {
    expect(ask('one smtp').providers).toEqual(['one.example', 'four.example']);
    expect(ask('five smtp').providers).toEqual(['five.example', 'five.co.example']);
  });
  it('reads a hostname whole, and its first label as the protocol', () => {
    expect(ask('imap.vip.one.example')).toMatchObject({ providers: [], dotted: ['imap.vip.one.example'], wants: ['imap'] });
  });
  it('words match whole, not inside other words', () => {
    expect(ask('one pop3').wants).toEqual(['pop3']);
    expect(ask('someone smtp').providers).toEqual([]);
  });
  it('providers named in different places: the most used answers, whatever the length of its name', () => {
    expect(ask('five one smtp').providers).toEqual(['one.example', 'four.example']);
    expect(ask('one.other five smtp').providers).toEqual(['one.example']);
    // Two domains are two names, not one name two providers share.
    expect(ask('one.other two.other smtp').providers).toEqual(['one.example']);
  });
  it('a name that is also an app is the app when another provider is named, else the provider', () => {
    expect(ask('two.other outlook smtp')).toMatchObject({ providers: ['two.example'], app: 'outlook', appToo: false });
    expect(ask('outlook smtp')).toMatchObject({ appToo: true });
    expect(ask('outlook smtp')).toMatchObject({ providers: ['three.example'], app: undefined });
    expect(ask('two mail outlook smtp')).toMatchObject({ providers: ['two.example'], app: 'outlook' });
    // The longer name wins: `apple mail` is the app, not the provider Apple.
    expect(ask('two mail apple mail smtp')).toMatchObject({ providers: ['two.example'], app: 'ios' });
    expect(ask('apple smtp')).toMatchObject({ providers: ['two.example'], app: undefined });
  });
});

describe('names that can meet in a question', () => {
  it('one inside the other as a whole word, or the tail of one the head of the other', () => {
    expect(canMeet('zoho - australia', 'zoho')).toBe(true);
    expect(canMeet('mail orange', 'zoho mail')).toBe(true);
    expect(canMeet('网易邮箱', '邮箱大师')).toBe(true);
    expect(canMeet('someone', 'one')).toBe(false);
    expect(canMeet('mailbox', 'zoho mail')).toBe(false);
  });
  it('a name with a domain in it meets only itself: it is read whole, never inside a text', () => {
    expect(canMeet('gmx mail', 'mail.protection.outlook.com')).toBe(false);
    expect(canMeet('mail.com', '163 mail')).toBe(false);
    expect(canMeet('163.com', '163.com')).toBe(true);
  });
});

describe('what the card shows', () => {
  const data: ProviderAnswer = { name: { 'zh-cn': '一', en: 'One' }, title: { 'zh-cn': '一邮箱', en: 'One Mail' }, servers: { imap: ['imap.one.example', 993, 'ssl/tls', ['confirmed', { 'zh-cn': '已核实', en: 'Confirmed' }]], smtp: ['smtp.one.example', 465, 'ssl/tls', ['single-source', { 'zh-cn': '仅一个来源', en: 'Single source' }]] }, guides: [] };
  it('the protocol asked; incoming: IMAP and POP3 where offered; a port alone: every protocol', () => {
    expect(answerParts({ wants: ['smtp'] }, data)).toEqual({ protocols: ['smtp'], password: false });
    expect(answerParts({ wants: ['incoming', 'host'] }, data)).toEqual({ protocols: ['imap'], password: false });
    expect(answerParts({ wants: ['port'] }, data)).toEqual({ protocols: ['imap', 'smtp'], password: false });
  });
  it('nothing the data cannot say: no password rule, no POP3, no card for a question that asks nothing', () => {
    expect(answerParts({ wants: ['password'] }, data)).toEqual({ protocols: [], password: false });
    expect(answerParts({ wants: ['pop3'] }, data)).toEqual({ protocols: [], password: false });
    expect(answerParts({ wants: [] }, data)).toEqual({ protocols: [], password: false });
    expect(answerParts({ wants: ['password'] }, { ...data, password: { name: { 'zh-cn': '授权码', en: 'code' }, grade: ['confirmed', { 'zh-cn': '已核实', en: 'Confirmed' }] } }).password).toBe(true);
  });
});

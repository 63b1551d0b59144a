import type { ObservationSections } from '../session-day/session-day.schemas'

/** The local times of one supervised session, as the record quotes them. */
export interface ObservedTimes {
  residentArrives: string
  visitingArrives: string
  start: string
  end: string
}

/**
 * The supervisor's records of three of the Tostevin family's supervised sessions in the quiet room,
 * oldest first: facts, what was said word for word, no opinions (domain rules 3.13 and 10.3).
 */
export const OBSERVATIONS: readonly ((t: ObservedTimes) => ObservationSections)[] = [
  (t) => ({
    arrival: `Ms Mallet arrived with Jayden and Skye at ${t.residentArrives} by the playground gate and settled them in the quiet room. Mr Tostevin arrived at ${t.visitingArrives} by the main entrance. The breath test was taken at reception and read zero.`,
    greeting:
      'Jayden ran to his father and hugged him round the legs. Mr Tostevin picked Skye up; she looked at him for a few seconds, then smiled and held his ear.',
    play: 'Mr Tostevin built a garage with Jayden from wooden blocks and asked him which car should go in first. He sat Skye on his knee and rolled a ball to her; when she lost interest he gave her the stacking cups.',
    care: 'Half way through the session Mr Tostevin asked for help to change Skye’s nappy. The supervisor showed him the changing mat; he changed her himself and washed his hands afterwards.',
    childResponses:
      'Jayden talked throughout and laughed when the tower of blocks fell. Skye babbled and reached for her father twice when he stood up.',
    boundaries: 'No breaches of the ground rules were seen.',
    concerns: 'None.',
    intervention: 'None needed.',
    ending: `At ${t.end} Mr Tostevin told the children it was time to go and hugged them both. Jayden said goodbye and waved at the door. Ms Mallet collected the children from the quiet room; Mr Tostevin waited in the visiting parent waiting area and left fifteen minutes later.`,
    quotes: 'Jayden: “Daddy, you come next Sunday?” Mr Tostevin: “Every Sunday, mate.”',
  }),
  (t) => ({
    arrival: `Ms Mallet arrived with the children at ${t.residentArrives}. Mr Tostevin arrived at ${t.visitingArrives}, five minutes after his time; he said the bus had been late. The breath test read zero.`,
    greeting:
      'Jayden was building with the train track and looked up and said “Hi Dad.” Mr Tostevin knelt down next to him. Skye held her arms up to be lifted and Mr Tostevin lifted her.',
    play: 'Mr Tostevin and Jayden made a train track round the table; Mr Tostevin followed Jayden’s ideas for where the bridge should go. He read Skye a picture book about farm animals and made the noises; she copied the cow.',
    care: 'Mr Tostevin gave the children the fruit and water he had brought. He cut Skye’s grapes in half before giving them to her.',
    childResponses:
      'Jayden was quieter than last week at the start and talked more after ten minutes. Skye stayed close to her father for most of the session.',
    boundaries:
      'Mr Tostevin asked Jayden whether his mother had a new boyfriend. The supervisor reminded him that adult matters are not discussed with the children; he said “Sorry, fair enough” and did not ask again.',
    concerns: 'None beyond the question recorded under boundaries.',
    intervention: 'One reminder of the ground rules, as recorded above. Mr Tostevin accepted it.',
    ending: `At ${t.end} Mr Tostevin helped Jayden put the track away. He hugged both children and said he would see them next week. Ms Mallet collected the children at the door of the quiet room.`,
    quotes:
      'Mr Tostevin, to Jayden: “Has your mum got a new boyfriend?” Supervisor: “We don’t talk about that here.”',
  }),
  (t) => ({
    arrival: `Ms Mallet arrived with Jayden and Skye at ${t.residentArrives}. Mr Tostevin arrived at ${t.visitingArrives} with a birthday card for Jayden, which the coordinator had agreed with both parents beforehand. The breath test read zero.`,
    greeting:
      'Mr Tostevin sang happy birthday quietly to Jayden, who smiled and opened the card straight away. Skye clapped. Mr Tostevin hugged them both.',
    play: 'Jayden asked to play the dinosaur game; Mr Tostevin let him choose the rules and kept to them. Skye sat between them and handed out the counters.',
    care: 'Skye became tired after half an hour and rubbed her eyes. Mr Tostevin held her and rocked her until she settled, while still talking to Jayden about the game.',
    childResponses:
      'Jayden laughed often and told his father about his party at school. Skye fell asleep on her father for about ten minutes and woke calmly.',
    boundaries: 'No breaches of the ground rules were seen.',
    concerns: 'None.',
    intervention: 'None needed.',
    ending: `At ${t.end} Mr Tostevin woke Skye gently and said goodbye to both children. Jayden asked to take the card home; Mr Tostevin said yes. Ms Mallet collected the children from the quiet room.`,
    quotes: 'Jayden: “This is the best birthday.”',
  }),
]

